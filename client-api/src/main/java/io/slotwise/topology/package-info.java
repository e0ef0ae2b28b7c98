/**
 * Immutable snapshots of a cluster's topology: nodes, shards and the slot each shard serves. Snapshots are values:
 * they are replaced, never modified.
 */
package io.slotwise.topology;

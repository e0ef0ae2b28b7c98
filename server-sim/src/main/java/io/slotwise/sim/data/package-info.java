/**
 * The data side of a simulated node: the keyspace module and the command families that read and write keys
 * (strings, keys, hashes, lists, sets, sorted sets). Every handler runs on the node's event loop.
 */
package io.slotwise.sim.data;

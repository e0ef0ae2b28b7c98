/**
 * The keyspace of one simulated Redis 7 cluster node: keys ({@link io.slotwise.sim.keyspace.Key}) mapped to values of the
 * five core types, indexed by hash slot, with per-key expiry driven by an injected clock, glob matching, stable SCAN
 * cursors, change notifications for WATCH and replication, and a private DUMP/RESTORE payload format. Everything here is
 * plain data structures with no I/O and no threads; a {@link io.slotwise.sim.keyspace.Keyspace} and the values it holds
 * are not thread-safe and must be confined to the node's event loop.
 */
package io.slotwise.sim.keyspace;

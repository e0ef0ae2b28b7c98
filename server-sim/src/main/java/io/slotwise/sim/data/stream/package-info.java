/**
 * The stream commands of a simulated node (XADD, XREAD, XREADGROUP, consumer groups, pending entries, claiming, XINFO)
 * over the keyspace's {@link io.slotwise.sim.keyspace.StreamValue}, with Redis 7.0's replies and error texts in RESP2
 * and RESP3; blocking reads wait in the node's {@link io.slotwise.sim.data.BlockedClients}. Every handler runs on the
 * node's event loop.
 */
package io.slotwise.sim.data.stream;

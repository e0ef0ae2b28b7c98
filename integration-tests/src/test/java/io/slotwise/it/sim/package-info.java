/**
 * Integration tests of the Redis Cluster simulator (server-sim) run in this JVM: hostile and random input over raw
 * sockets, resource exhaustion, and differential scripts that send the same commands to a simulator node and to a real
 * redis-server 7.0 and compare the replies byte for byte after normalising what must differ (IDs, ports, times). The
 * package has its own lossless RESP2/RESP3 reader ({@link io.slotwise.it.sim.WireReply}) so that reply types are
 * compared exactly; differences found and not yet fixed are listed in {@link io.slotwise.it.sim.SimulatorMismatch}.
 */
package io.slotwise.it.sim;

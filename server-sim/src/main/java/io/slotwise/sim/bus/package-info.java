/**
 * The cluster bus of a simulated Redis 7 node: a TCP server on the bus port, one outbound link per known node, the
 * 100 ms cron and the processing of every message, with Redis's semantics (MEET handshake, PING/PONG gossip, epochs,
 * slot-ownership conflicts and UPDATE, PFAIL/FAIL failure detection) on top of
 * {@link io.slotwise.sim.cluster.ClusterState}, plus test-only fault injection ({@link io.slotwise.sim.bus.BusFaults}).
 * Everything runs on the node's single event loop. The entry point is {@link io.slotwise.sim.bus.ClusterBus}.
 *
 * <h2>Wire format, version 1</h2>
 *
 * <p>Simulator nodes only ever talk to simulator nodes, so the format is our own: compact, versioned and
 * length-prefixed, carrying what Redis's {@code clusterMsg} carries. All integers are big-endian and unsigned unless
 * stated; {@code id} is a node ID as 40 ASCII bytes {@code [a-z0-9]}; {@code text} is a {@code u8} length followed by
 * that many printable ASCII bytes; {@code blob} is a {@code u32} length followed by that many bytes; {@code slots} is a
 * {@code u16} range count followed by that many {@code (u16 first, u16 last)} ranges, ascending, disjoint and
 * non-adjacent, within 0-16383.
 *
 * <pre>
 * frame    := magic "SWCB" (4) | version u8 = 1 | type u8 | body-length u32 (at most 8 MiB) | body
 * body     := header | payload                       (exactly body-length bytes: trailing bytes are an error)
 * header   := sender id | currentEpoch u64 | configEpoch u64 | replOffset u64 | port u16 | busPort u16
 *             | flags u16 | state u8 (0 ok, 1 fail) | mflags u8 | ip text | hostname text
 *             | master u8 (0 none, 1 present) [master id] | slots
 * payload  := by type:
 *   0 PING, 1 PONG, 2 MEET          count u16, then count x gossip
 *   3 FAIL                          id of the failing node
 *   4 PUBLISH, 10 PUBLISHSHARD      channel blob | message blob
 *   5 FAILOVER_AUTH_REQUEST, 6 FAILOVER_AUTH_ACK, 8 MFSTART    (empty)
 *   7 UPDATE                        id | configEpoch u64 | slots
 *   9 MODULE                        not supported: rejected
 * gossip   := id | pingSent u64 (ms) | pongReceived u64 (ms) | port u16 | busPort u16 | flags u16 | ip text
 * </pre>
 *
 * <p>Header fields follow Redis: {@code configEpoch} and {@code slots} are the sender's, or its master's when the
 * sender is a replica; {@code ip} is the announced IP or empty (the receiver then uses the socket's peer address);
 * {@code master} names the sender's master when it is a replica. Node flags use Redis's bits (MASTER 1, SLAVE 2,
 * PFAIL 4, FAIL 8, MYSELF 16, HANDSHAKE 32, NOADDR 64, NOFAILOVER 512); message flags are PAUSED 1 and FORCE_ACK 2.
 * Unknown flag bits are ignored. Gossip times are sent in whole seconds (multiples of 1000 ms), as Redis gossips
 * seconds. A frame with a wrong magic, another version, an unknown or unsupported type, a declared length over the
 * limit, or a malformed field makes the receiver drop the link; the node keeps running and the cron reconnects.
 */
package io.slotwise.sim.bus;

/**
 * The cluster layer of the netty client: {@link io.slotwise.netty.cluster.NettyClusterClient} wires, per cluster, a
 * registry of one connection per node, a topology refresher (consensus of several nodes' views, periodic and
 * triggered, single-flight and rate-limited), and the dispatcher, the one class joining routing and I/O: it routes each
 * command against one topology snapshot, follows MOVED and ASK, splits multi-key commands per slot into one pipelined
 * batch per node, fans keyless commands out, and retries transient failures with backoff on the event loops.
 */
package io.slotwise.netty.cluster;

/**
 * The Slotwise Redis Cluster simulator node: {@link io.slotwise.sim.SimNode} (one Redis 7.0 node on netty), its
 * immutable {@link io.slotwise.sim.SimNodeConfig} read from redis.conf syntax and {@code --directive value} options,
 * the {@link io.slotwise.sim.NodeModule} SPI through which the keyspace and cluster functionality plug in, its
 * {@link io.slotwise.sim.NodeFaults}, {@link io.slotwise.sim.SimCluster} (a whole cluster in one JVM, formed like
 * redis-cli does, with fault injection) and the {@link io.slotwise.sim.Main} command line. Threading model: each node is a single-threaded actor; its listener,
 * connections, timers and state all live on one netty event loop, which it owns or takes from a shared group, so node
 * state needs no locks and code outside a node talks to it by submitting tasks to its loop.
 */
package io.slotwise.sim;

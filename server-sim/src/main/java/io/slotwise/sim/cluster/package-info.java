/**
 * What one simulated Redis 7 cluster node believes about its cluster, and the pure functions built on that belief: the
 * node table and slot table ({@link io.slotwise.sim.cluster.ClusterState}), the validated mutations behind the mutating
 * CLUSTER subcommands (with Redis's exact error texts), byte-exact renderings of CLUSTER NODES / INFO / SLOTS / SHARDS /
 * REPLICAS, the nodes.conf format, a master's failover vote, a replica's takeover of its master's slots and its migration
 * to an orphaned master, and the redirect decision (MOVED, ASK, TRYAGAIN, CROSSSLOT, CLUSTERDOWN) taken before a
 * keyed command runs. Nothing here performs I/O on sockets, starts threads or logs; time and randomness are injected
 * through {@link io.slotwise.sim.cluster.ClusterEnvironment}. The state is mutable and not thread-safe: it is confined to
 * the node's single event-loop thread.
 */
package io.slotwise.sim.cluster;

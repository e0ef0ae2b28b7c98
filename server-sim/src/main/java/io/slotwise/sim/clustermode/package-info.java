/**
 * Puts a simulated node in cluster mode: creates or loads its {@link io.slotwise.sim.cluster.ClusterState} (nodes.conf,
 * with a file lock), keeps it in step with the node's configuration, persists it after every change, starts the node's
 * cluster bus (whose cron re-evaluates {@code cluster_state}, and whose pending actions and dirty slots the node acts
 * on), runs Redis 7.0's failover (votes, replica elections, manual failover and CLUSTER FAILOVER) and replica migration,
 * redirects keyed commands (MOVED, ASK, TRYAGAIN, CROSSSLOT, CLUSTERDOWN) and
 * refuses writes on a replica, serves every CLUSTER subcommand of Redis 7.0 and the cluster-mode errors of
 * REPLICAOF/SLAVEOF/FAILOVER, and implements MIGRATE over cached outbound connections. Everything runs on the node's
 * event loop; the only public type is {@link io.slotwise.sim.clustermode.ClusterModeModule}.
 */
package io.slotwise.sim.clustermode;

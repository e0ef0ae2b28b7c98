package io.slotwise.sim.cluster;

/**
 * Work a mutation of {@link ClusterState} asks its owner to do before replying or before the event loop sleeps, like
 * Redis's {@code clusterDoBeforeSleep} flags plus the side effects that live outside the cluster state. Collected with
 * {@link ClusterState#drainPendingActions()}.
 */
public enum PendingAction {
    /** Write nodes.conf. */
    SAVE_CONFIG,
    /** Write nodes.conf and fsync it (epoch-critical change). Implies {@link #SAVE_CONFIG}. */
    FSYNC_CONFIG,
    /** Send a PONG to every known node so the new configuration spreads quickly. */
    BROADCAST_PONG,
    /** Myself changed role or master: start, re-point or stop replication to match {@link ClusterState#myself()}. */
    REPLICATION_CHANGED,
    /** Empty the local keyspace now (a replica was reset into an empty master). */
    FLUSH_DATA
}

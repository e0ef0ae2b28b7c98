package io.slotwise.sim.cluster;

import java.util.Objects;

/**
 * The cluster-related configuration options a node's state and decisions depend on. Immutable; change an option with
 * a {@code with*} copy and {@link ClusterState#setConfig(ClusterConfig)} (CONFIG SET).
 *
 * @param requireFullCoverage {@code cluster-require-full-coverage}: the cluster is down while any slot is unassigned or
 *     owned by a FAIL node (default {@code true})
 * @param allowReadsWhenDown {@code cluster-allow-reads-when-down}: read commands are still served while down (default
 *     {@code false})
 * @param allowPubsubshardWhenDown {@code cluster-allow-pubsubshard-when-down} (default {@code true})
 * @param allowReplicaMigration {@code cluster-allow-replica-migration}: a master left without slots becomes a replica
 *     of the node that took its last slot, and replicas migrate to orphaned masters (default {@code true})
 * @param migrationBarrier {@code cluster-migration-barrier}: how many working replicas a master keeps when one of its
 *     replicas migrates to an orphaned master (default 1)
 * @param preferredEndpointType {@code cluster-preferred-endpoint-type} (default {@link PreferredEndpointType#IP})
 * @param nodeTimeoutMillis {@code cluster-node-timeout} (default 15000)
 * @param writableDelayMillis how long a freshly started master reports {@code cluster_state:fail} before its first
 *     transition to ok (Redis's fixed {@code CLUSTER_WRITABLE_DELAY}, 2000; the simulator may lower it)
 * @param rejoinDelayOverrideMillis {@code -1} (the default) for Redis's rejoin delay, {@code clamp(nodeTimeout, 500,
 *     5000)}; otherwise the rejoin delay to use instead (the simulator's fast formation uses 0)
 * @param replicaMigrationDelayMillis how long a master must have been orphaned before a replica migrates to it (Redis's
 *     fixed {@code CLUSTER_SLAVE_MIGRATION_DELAY}, 5000; the simulator may lower it)
 */
public record ClusterConfig(
        boolean requireFullCoverage,
        boolean allowReadsWhenDown,
        boolean allowPubsubshardWhenDown,
        boolean allowReplicaMigration,
        int migrationBarrier,
        PreferredEndpointType preferredEndpointType,
        long nodeTimeoutMillis,
        long writableDelayMillis,
        long rejoinDelayOverrideMillis,
        long replicaMigrationDelayMillis) {

    /** Redis's {@code CLUSTER_SLAVE_MIGRATION_DELAY}: a master must be orphaned this long before a replica migrates. */
    public static final long REDIS_REPLICA_MIGRATION_DELAY_MILLIS = 5_000;

    /**
     * Validates the options.
     *
     * @throws NullPointerException if {@code preferredEndpointType} is {@code null}
     * @throws IllegalArgumentException if a duration or the migration barrier is negative or the node timeout is zero
     */
    public ClusterConfig {
        Objects.requireNonNull(preferredEndpointType, "preferredEndpointType");
        if (nodeTimeoutMillis <= 0
                || writableDelayMillis < 0
                || rejoinDelayOverrideMillis < -1
                || migrationBarrier < 0
                || replicaMigrationDelayMillis < 0) {
            throw new IllegalArgumentException("nodeTimeoutMillis must be > 0, rejoinDelayOverrideMillis >= -1,"
                    + " writableDelayMillis, migrationBarrier and replicaMigrationDelayMillis >= 0");
        }
    }

    /**
     * Returns Redis 7's defaults.
     *
     * @return the default configuration
     */
    public static ClusterConfig defaults() {
        return new ClusterConfig(
                true,
                false,
                true,
                true,
                1,
                PreferredEndpointType.IP,
                15_000,
                2_000,
                -1,
                REDIS_REPLICA_MIGRATION_DELAY_MILLIS);
    }

    /**
     * Returns a copy with {@code cluster-require-full-coverage} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public ClusterConfig withRequireFullCoverage(boolean value) {
        return new ClusterConfig(
                value,
                allowReadsWhenDown,
                allowPubsubshardWhenDown,
                allowReplicaMigration,
                migrationBarrier,
                preferredEndpointType,
                nodeTimeoutMillis,
                writableDelayMillis,
                rejoinDelayOverrideMillis,
                replicaMigrationDelayMillis);
    }

    /**
     * Returns a copy with {@code cluster-allow-reads-when-down} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public ClusterConfig withAllowReadsWhenDown(boolean value) {
        return new ClusterConfig(
                requireFullCoverage,
                value,
                allowPubsubshardWhenDown,
                allowReplicaMigration,
                migrationBarrier,
                preferredEndpointType,
                nodeTimeoutMillis,
                writableDelayMillis,
                rejoinDelayOverrideMillis,
                replicaMigrationDelayMillis);
    }

    /**
     * Returns a copy with {@code cluster-allow-pubsubshard-when-down} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public ClusterConfig withAllowPubsubshardWhenDown(boolean value) {
        return new ClusterConfig(
                requireFullCoverage,
                allowReadsWhenDown,
                value,
                allowReplicaMigration,
                migrationBarrier,
                preferredEndpointType,
                nodeTimeoutMillis,
                writableDelayMillis,
                rejoinDelayOverrideMillis,
                replicaMigrationDelayMillis);
    }

    /**
     * Returns a copy with {@code cluster-allow-replica-migration} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public ClusterConfig withAllowReplicaMigration(boolean value) {
        return new ClusterConfig(
                requireFullCoverage,
                allowReadsWhenDown,
                allowPubsubshardWhenDown,
                value,
                migrationBarrier,
                preferredEndpointType,
                nodeTimeoutMillis,
                writableDelayMillis,
                rejoinDelayOverrideMillis,
                replicaMigrationDelayMillis);
    }

    /**
     * Returns a copy with {@code cluster-migration-barrier} changed.
     *
     * @param value the new value, {@code >= 0}
     * @return the copy
     */
    public ClusterConfig withMigrationBarrier(int value) {
        return new ClusterConfig(
                requireFullCoverage,
                allowReadsWhenDown,
                allowPubsubshardWhenDown,
                allowReplicaMigration,
                value,
                preferredEndpointType,
                nodeTimeoutMillis,
                writableDelayMillis,
                rejoinDelayOverrideMillis,
                replicaMigrationDelayMillis);
    }

    /**
     * Returns a copy whose replica migration waits another delay than Redis's 5000 ms.
     *
     * @param value the delay in milliseconds, {@code >= 0}
     * @return the copy
     */
    public ClusterConfig withReplicaMigrationDelayMillis(long value) {
        return new ClusterConfig(
                requireFullCoverage,
                allowReadsWhenDown,
                allowPubsubshardWhenDown,
                allowReplicaMigration,
                migrationBarrier,
                preferredEndpointType,
                nodeTimeoutMillis,
                writableDelayMillis,
                rejoinDelayOverrideMillis,
                value);
    }

    /**
     * Returns a copy with {@code cluster-preferred-endpoint-type} changed.
     *
     * @param value the new value, never {@code null}
     * @return the copy
     */
    public ClusterConfig withPreferredEndpointType(PreferredEndpointType value) {
        return new ClusterConfig(
                requireFullCoverage,
                allowReadsWhenDown,
                allowPubsubshardWhenDown,
                allowReplicaMigration,
                migrationBarrier,
                value,
                nodeTimeoutMillis,
                writableDelayMillis,
                rejoinDelayOverrideMillis,
                replicaMigrationDelayMillis);
    }

    /**
     * Returns a copy with {@code cluster-node-timeout} changed.
     *
     * @param value the new value in milliseconds, {@code > 0}
     * @return the copy
     */
    public ClusterConfig withNodeTimeoutMillis(long value) {
        return new ClusterConfig(
                requireFullCoverage,
                allowReadsWhenDown,
                allowPubsubshardWhenDown,
                allowReplicaMigration,
                migrationBarrier,
                preferredEndpointType,
                value,
                writableDelayMillis,
                rejoinDelayOverrideMillis,
                replicaMigrationDelayMillis);
    }

    /**
     * Returns a copy with the start-up writable delay changed.
     *
     * @param value the new value in milliseconds, {@code >= 0}
     * @return the copy
     */
    public ClusterConfig withWritableDelayMillis(long value) {
        return new ClusterConfig(
                requireFullCoverage,
                allowReadsWhenDown,
                allowPubsubshardWhenDown,
                allowReplicaMigration,
                migrationBarrier,
                preferredEndpointType,
                nodeTimeoutMillis,
                value,
                rejoinDelayOverrideMillis,
                replicaMigrationDelayMillis);
    }

    /**
     * Returns the delay a master that was in the minority waits before reporting ok again: Redis's
     * {@code clamp(nodeTimeout, 500, 5000)}, unless {@link #rejoinDelayOverrideMillis()} fixes another.
     *
     * @return the delay in milliseconds: the override when one is set
     */
    public long rejoinDelayMillis() {
        return rejoinDelayOverrideMillis >= 0
                ? rejoinDelayOverrideMillis
                : Math.max(500, Math.min(5_000, nodeTimeoutMillis));
    }

    /**
     * Returns a copy whose rejoin delay is fixed instead of Redis's {@code clamp(nodeTimeout, 500, 5000)}.
     *
     * @param value the delay in milliseconds, {@code >= 0}; {@code -1} restores Redis's rule
     * @return the copy
     */
    public ClusterConfig withRejoinDelayOverrideMillis(long value) {
        return new ClusterConfig(
                requireFullCoverage,
                allowReadsWhenDown,
                allowPubsubshardWhenDown,
                allowReplicaMigration,
                migrationBarrier,
                preferredEndpointType,
                nodeTimeoutMillis,
                writableDelayMillis,
                value,
                replicaMigrationDelayMillis);
    }
}

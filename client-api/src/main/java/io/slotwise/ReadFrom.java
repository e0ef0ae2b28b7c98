package io.slotwise;

import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.Shard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Which nodes of a shard may serve a read, in order of preference. Writes always go to the primary.
 *
 * <p>Replicas serve reads only to connections that sent {@code READONLY}, and may return slightly stale data.
 * Unhealthy replicas (failing, or still loading) are never chosen.
 */
public enum ReadFrom {
    /** Only the primary. The default: reads see every acknowledged write. */
    PRIMARY,
    /** The primary, or a replica when the primary cannot be reached. */
    PRIMARY_PREFERRED,
    /** Only replicas; the read fails if the shard has no healthy replica. */
    REPLICA,
    /** A replica, or the primary when the shard has no healthy replica. */
    REPLICA_PREFERRED,
    /** The node with the lowest measured latency, primary or replica. */
    NEAREST,
    /** Any healthy node, spreading reads evenly. */
    ANY;

    /**
     * Orders the nodes of a shard that may serve a read: the caller uses the first it can reach.
     *
     * @param shard the shard that serves the command's slot
     * @param latencyNanos measured round-trip latency per node, {@link Long#MAX_VALUE} when unknown; used by
     *     {@link #NEAREST} only
     * @param rotation a number that changes from call to call (a counter), used to spread reads over equally good
     *     replicas
     * @return the candidates, most preferred first; empty only for {@link #REPLICA} on a shard without a healthy replica
     */
    public List<ClusterNode> candidates(Shard shard, ToLongFunction<ClusterNode> latencyNanos, int rotation) {
        List<ClusterNode> replicas = rotated(healthyReplicas(shard), rotation);
        List<ClusterNode> ordered = new ArrayList<>(replicas.size() + 1);
        switch (this) {
            case PRIMARY -> ordered.add(shard.primary());
            case PRIMARY_PREFERRED -> {
                ordered.add(shard.primary());
                ordered.addAll(replicas);
            }
            case REPLICA -> ordered.addAll(replicas);
            case REPLICA_PREFERRED -> {
                ordered.addAll(replicas);
                ordered.add(shard.primary());
            }
            case NEAREST -> {
                ordered.add(shard.primary());
                ordered.addAll(replicas);
                // Stable sort: equal latencies keep the rotated order.
                ordered.sort(Comparator.comparingLong(latencyNanos));
            }
            case ANY -> {
                ordered.add(shard.primary());
                ordered.addAll(replicas);
                return rotated(ordered, rotation);
            }
        }
        return Collections.unmodifiableList(ordered);
    }

    /** Whether reads under this setting may go to replicas, so connections to replicas must send READONLY. */
    public boolean usesReplicas() {
        return this != PRIMARY;
    }

    private static List<ClusterNode> healthyReplicas(Shard shard) {
        List<ClusterNode> healthy = new ArrayList<>(shard.replicas().size());
        for (ClusterNode replica : shard.replicas()) {
            if (replica.healthy()) {
                healthy.add(replica);
            }
        }
        return healthy;
    }

    private static List<ClusterNode> rotated(List<ClusterNode> nodes, int rotation) {
        if (nodes.size() < 2) {
            return nodes;
        }
        List<ClusterNode> copy = new ArrayList<>(nodes);
        Collections.rotate(copy, -Math.floorMod(rotation, copy.size()));
        return copy;
    }
}

package io.slotwise.netty.cluster;

import io.slotwise.topology.NodeAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Smoothed round-trip times per node, for {@link io.slotwise.ReadFrom#NEAREST}: an exponentially weighted moving
 * average in which each new sample counts for {@value #SAMPLE_WEIGHT_PERCENT}%, so one slow reply does not reorder the
 * nodes but a node that stays slow loses its place within a few probes. Unmeasured nodes report {@link Long#MAX_VALUE}
 * (they sort last). Thread-safe.
 */
final class NodeLatencies {

    /** The weight of a new sample in the average, in percent. */
    static final int SAMPLE_WEIGHT_PERCENT = 30;

    private final Map<NodeAddress, Long> smoothedNanos = new ConcurrentHashMap<>();

    /**
     * Adds one measured round trip.
     *
     * @param node the node, as the topology names it
     * @param nanos the round-trip time, at least 0
     */
    void record(NodeAddress node, long nanos) {
        long sample = Math.max(0, nanos);
        smoothedNanos.merge(node, sample, (old, fresh) -> old + (fresh - old) * SAMPLE_WEIGHT_PERCENT / 100);
    }

    /**
     * The node's smoothed round-trip time.
     *
     * @param node the node, as the topology names it
     * @return nanoseconds, or {@link Long#MAX_VALUE} if it was never measured
     */
    long latencyNanos(NodeAddress node) {
        return smoothedNanos.getOrDefault(node, Long.MAX_VALUE);
    }

    /**
     * Forgets nodes that left the topology.
     *
     * @param nodes the nodes to keep
     */
    void retainOnly(Collection<NodeAddress> nodes) {
        Set<NodeAddress> keep = new HashSet<>(nodes);
        smoothedNanos.keySet().retainAll(keep);
    }
}

package io.slotwise.netty.pubsub;

import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Chooses the node the classic subscriptions (channels and patterns) live on: the primary owning the first wanted
 * channel's slot, where a {@code PUBLISH} of this client arrives (so no bus hop), if it is usable; else a random usable
 * primary that serves slots; else any node of the topology but the avoided one. A node is usable when it is not the
 * avoided one and not considered unreachable.
 *
 * <p>Threading: a pure function of its arguments; any thread.
 */
final class ClassicNodeChoice {

    private ClassicNodeChoice() {}

    /**
     * Chooses a node.
     *
     * @param topology the current topology
     * @param channels the wanted channels; the first in iteration order decides the preferred node
     * @param avoid a node not to choose (the one being left); null for none
     * @param unreachable tells whether the client considers a node unreachable now
     * @param random picks among equally good candidates
     * @return the node, or null when the topology has no node but {@code avoid}
     */
    static NodeAddress choose(
            ClusterTopology topology,
            Set<ChannelName> channels,
            NodeAddress avoid,
            Predicate<NodeAddress> unreachable,
            RandomGenerator random) {
        if (!channels.isEmpty()) {
            Shard shard = topology.shardForSlot(channels.iterator().next().slot());
            if (shard != null && usable(shard.primary().address(), avoid, unreachable)) {
                return shard.primary().address();
            }
        }
        List<NodeAddress> candidates = new ArrayList<>();
        for (Shard shard : topology.shards()) {
            if (shard.slotCount() > 0 && usable(shard.primary().address(), avoid, unreachable)) {
                candidates.add(shard.primary().address());
            }
        }
        if (candidates.isEmpty()) {
            topology.nodes().forEach(node -> {
                if (!node.address().equals(avoid)) {
                    candidates.add(node.address());
                }
            });
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static boolean usable(NodeAddress node, NodeAddress avoid, Predicate<NodeAddress> unreachable) {
        return !node.equals(avoid) && !unreachable.test(node);
    }
}

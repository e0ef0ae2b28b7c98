package io.slotwise.netty.pubsub;

import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The re-subscription plan for shard channels, computed from what is wanted, where each channel is subscribed now and
 * the topology: a pure function, so the engine's decisions can be tested without connections.
 *
 * @param subscribe for each primary, the channels to {@code SSUBSCRIBE} there, grouped by slot (one command per slot);
 *     channels that are not placed, or placed on a node that no longer owns their slot
 * @param unsubscribe for each node, the channels that moved away from it; informational: the engine sends nothing
 *     there, since a node drops a shard channel itself when it loses the slot, and a link left idle is closed
 * @param uncovered wanted channels whose slot no primary serves in the topology: they wait for a refresh
 */
record ShardPlacement(
        Map<NodeAddress, Map<Integer, List<ChannelName>>> subscribe,
        Map<NodeAddress, List<ChannelName>> unsubscribe,
        List<ChannelName> uncovered) {

    /**
     * Plans the moves.
     *
     * @param wanted the shard channels wanted, in subscription order
     * @param placed where each channel is subscribed (or being subscribed) now; channels absent are not placed
     * @param topology the current topology
     * @return the plan; empty maps when everything is where it belongs
     */
    static ShardPlacement plan(
            Set<ChannelName> wanted, Map<ChannelName, NodeAddress> placed, ClusterTopology topology) {
        Map<NodeAddress, Map<Integer, List<ChannelName>>> subscribe = new LinkedHashMap<>();
        Map<NodeAddress, List<ChannelName>> unsubscribe = new LinkedHashMap<>();
        List<ChannelName> uncovered = new ArrayList<>();
        for (ChannelName channel : wanted) {
            int slot = channel.slot();
            Shard shard = topology.shardForSlot(slot);
            NodeAddress current = placed.get(channel);
            if (shard == null) {
                uncovered.add(channel);
                continue;
            }
            NodeAddress owner = shard.primary().address();
            if (owner.equals(current)) {
                continue;
            }
            subscribe
                    .computeIfAbsent(owner, node -> new LinkedHashMap<>())
                    .computeIfAbsent(slot, s -> new ArrayList<>())
                    .add(channel);
            if (current != null) {
                unsubscribe.computeIfAbsent(current, node -> new ArrayList<>()).add(channel);
            }
        }
        return new ShardPlacement(subscribe, unsubscribe, uncovered);
    }

    /** Whether nothing needs to move. */
    boolean isSettled() {
        return subscribe.isEmpty() && unsubscribe.isEmpty() && uncovered.isEmpty();
    }

    /**
     * Groups channels by slot, in first-seen order: {@code SSUBSCRIBE} and {@code SUNSUBSCRIBE} take the channels of
     * one slot only (Redis answers {@code CROSSSLOT} otherwise).
     *
     * @param channels the channels
     * @return the channels of each slot
     */
    static Map<Integer, List<ChannelName>> bySlot(List<ChannelName> channels) {
        Map<Integer, List<ChannelName>> groups = new LinkedHashMap<>();
        for (ChannelName channel : channels) {
            groups.computeIfAbsent(channel.slot(), s -> new ArrayList<>()).add(channel);
        }
        return groups;
    }
}

package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.LinkState;
import io.slotwise.sim.cluster.NodeFlag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses the gossip section of a PING, PONG or MEET as Redis's {@code clusterSendPing} does: {@code max(3, known/10)}
 * random nodes (at most {@code known - 2}, with at most three draws per wanted entry), skipping myself, nodes in
 * handshake or without address, and disconnected nodes that own no slots; then every node flagged PFAIL, so failure
 * reports spread fast. Times are gossiped in whole seconds, as Redis does. Stateless apart from the injected randomness;
 * call on the node's event loop.
 */
final class GossipSelector {

    private GossipSelector() {}

    static List<GossipEntry> select(ClusterState state, RandomGenerator random) {
        List<ClusterNode> all = new ArrayList<>(state.nodes());
        int fresh = all.size() - 2;
        int wanted = Math.min(Math.max(3, all.size() / 10), fresh);
        Set<ClusterNode> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<GossipEntry> entries = new ArrayList<>();
        int draws = wanted * 3;
        while (fresh > 0 && chosen.size() < wanted && draws-- > 0) {
            ClusterNode node = all.get(random.nextInt(all.size()));
            if (node.isMyself() || node.hasFlag(NodeFlag.PFAIL) || chosen.contains(node)) {
                continue;
            }
            if (node.inHandshake()
                    || node.hasFlag(NodeFlag.NOADDR)
                    || (node.linkState() == LinkState.DISCONNECTED && node.slotCount() == 0)) {
                fresh--;
                continue;
            }
            chosen.add(node);
            entries.add(entryFor(node));
            fresh--;
        }
        for (ClusterNode node : all) {
            if (node.hasFlag(NodeFlag.PFAIL)
                    && !node.isMyself()
                    && !node.inHandshake()
                    && !node.hasFlag(NodeFlag.NOADDR)) {
                entries.add(entryFor(node));
            }
        }
        return entries;
    }

    static GossipEntry entryFor(ClusterNode node) {
        return new GossipEntry(
                node.id(),
                wholeSeconds(node.pingSentMillis()),
                wholeSeconds(node.pongReceivedMillis()),
                node.ip(),
                node.port(),
                node.busPort(),
                node.flags());
    }

    private static long wholeSeconds(long millis) {
        return millis / 1000 * 1000;
    }
}

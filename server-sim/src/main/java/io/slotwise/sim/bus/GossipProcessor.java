package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.NodeFlag;
import io.slotwise.sim.cluster.PendingAction;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the gossip section of a PING, PONG or MEET, as Redis's {@code clusterProcessGossipSection}:
 * <ul>
 *   <li>about a known node, from a master: a PFAIL/FAIL flag adds or refreshes that master's failure report, a clean
 *       entry withdraws it;
 *   <li>about a known node that looks healthy to me (no pending PING, no reports) and to the sender: adopt a newer
 *       gossiped PONG time (at most 500 ms in the future);
 *   <li>about a node I see failing while the sender sees it healthy at another address: switch to that address and
 *       reconnect;
 *   <li>about an unknown node, from a known sender, with an address and not blacklisted by CLUSTER FORGET: add it with
 *       the advertised role and flags (no handshake; the cron then connects).
 * </ul>
 * Call on the node's event loop.
 */
final class GossipProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(GossipProcessor.class);

    /** How far in the future a gossiped PONG time may be and still be adopted. */
    static final long MAX_PONG_SKEW_MILLIS = 500;

    private final ClusterState state;
    private final LinkManager links;
    private final FailureDetector failures;

    GossipProcessor(ClusterState state, LinkManager links, FailureDetector failures) {
        this.state = state;
        this.links = links;
        this.failures = failures;
    }

    /**
     * Processes the entries.
     *
     * @param sender the known sender, or {@code null} (a MEET from an unknown node)
     * @param entries the gossip entries
     */
    void process(ClusterNode sender, Iterable<GossipEntry> entries) {
        for (GossipEntry entry : entries) {
            ClusterNode node = state.findNode(entry.nodeId()).orElse(null);
            if (node != null) {
                processKnown(sender, node, entry);
            } else if (sender != null
                    && !entry.flags().contains(NodeFlag.NOADDR)
                    && !state.blacklist().contains(entry.nodeId(), now())) {
                addLearned(entry);
            }
        }
    }

    private void processKnown(ClusterNode sender, ClusterNode node, GossipEntry entry) {
        if (sender != null && sender.isMaster() && !node.isMyself()) {
            failures.onGossipedHealth(node, sender, entry.reportsFailure());
        }
        if (!entry.reportsFailure() && node.pingSentMillis() == 0 && failures.validReports(node) == 0) {
            long pong = entry.pongReceivedMillis();
            if (pong <= now() + MAX_PONG_SKEW_MILLIS && pong > node.pongReceivedMillis()) {
                node.setPongReceivedMillis(pong);
            }
        }
        boolean iSeeItFailing = node.hasFlag(NodeFlag.PFAIL) || node.isFailed();
        if (iSeeItFailing
                && !entry.flags().contains(NodeFlag.NOADDR)
                && !entry.reportsFailure()
                && !sameAddress(node, entry)) {
            LOG.debug(
                    "Address of node {} changed to {}:{}@{} (from gossip)",
                    node.id(),
                    entry.ip(),
                    entry.port(),
                    entry.busPort());
            links.freeOutbound(node);
            node.setAddress(entry.ip(), entry.port(), entry.busPort());
            node.removeFlag(NodeFlag.NOADDR);
        }
    }

    private static boolean sameAddress(ClusterNode node, GossipEntry entry) {
        return node.ip().equalsIgnoreCase(entry.ip())
                && node.port() == entry.port()
                && node.busPort() == entry.busPort();
    }

    private void addLearned(GossipEntry entry) {
        ClusterNode node = new ClusterNode(entry.nodeId(), entry.ip(), entry.port(), entry.busPort());
        node.setCreatedAtMillis(now());
        state.addNode(node);
        Set<NodeFlag> flags = entry.flags();
        if (flags.contains(NodeFlag.MASTER)) {
            state.setNodeAsMaster(node);
        } else if (flags.contains(NodeFlag.SLAVE)) {
            state.setPeerAsReplicaOfUnknownMaster(node);
        }
        for (NodeFlag flag : new NodeFlag[] {NodeFlag.PFAIL, NodeFlag.FAIL, NodeFlag.NOFAILOVER}) {
            if (flags.contains(flag)) {
                node.addFlag(flag, now());
            }
        }
        state.request(PendingAction.SAVE_CONFIG);
        LOG.debug("Added node {} learned from gossip", node.id());
    }

    private long now() {
        return state.environment().nowMillis();
    }
}

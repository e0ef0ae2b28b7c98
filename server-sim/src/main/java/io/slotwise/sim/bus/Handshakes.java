package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.MembershipCommands;
import io.slotwise.sim.cluster.NodeFlag;
import io.slotwise.sim.cluster.PendingAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MEET handshake and node addresses (Redis §4.5). Receiving side: a MEET (or any PING while I have no IP) teaches
 * me my own IP from the socket, unless an IP is announced; a MEET from an unknown node creates a handshake node for it.
 * Meeting side: the first PONG on my outbound link to a handshake node renames it to the sender's real ID (or, if that
 * ID is already known, updates the known node's address and drops the handshake node); a PONG from an unexpected ID on
 * an established link marks the node NOADDR. Handshake nodes expire after {@code max(node_timeout, 1000)} ms. Call on
 * the node's event loop.
 */
final class Handshakes {

    private static final Logger LOG = LoggerFactory.getLogger(Handshakes.class);

    /** The shortest handshake timeout. */
    static final long MIN_HANDSHAKE_TIMEOUT_MILLIS = 1_000;

    private final ClusterState state;
    private final BusConfig config;
    private final LinkManager links;

    Handshakes(ClusterState state, BusConfig config, LinkManager links) {
        this.state = state;
        this.config = config;
        this.links = links;
    }

    /** First processing of a PING or MEET, before the PONG reply. */
    void onPingOrMeet(BusLink link, BusMessage message, ClusterNode sender) {
        ClusterNode myself = state.myself();
        boolean meet = message.type() == ClusterMessageType.MEET;
        if ((meet || myself.ip().isEmpty()) && config.announceIp().isEmpty()) {
            String ip = link.localIp();
            if (!ip.isEmpty() && !ip.equals(myself.ip())) {
                myself.setAddress(ip, myself.port(), myself.busPort());
                LOG.info("IP address for this node updated to {}", ip);
                state.request(PendingAction.SAVE_CONFIG);
            }
        }
        if (sender == null && meet) {
            BusHeader header = message.header();
            MembershipCommands.addHandshakeNode(state, ipOf(link, header), header.port(), header.busPort(), false);
            state.request(PendingAction.SAVE_CONFIG);
        }
    }

    /**
     * Checks who answered on an outbound link.
     *
     * @return {@code false} if processing of this packet must stop (handshake merged, or the ID did not match)
     */
    boolean onOutboundReply(BusLink link, BusHeader header, ClusterNode sender) {
        ClusterNode node = link.node();
        if (node.inHandshake()) {
            if (sender != null) {
                updateAddressIfNeeded(sender, link, header);
                LOG.debug("Handshake with {} reached a known node, {}", node.ip(), sender.id());
                state.removeNode(node);
                links.forget(node);
                return false;
            }
            LOG.debug("Handshake with node {} completed.", header.senderId());
            state.renameNode(node, header.senderId());
            node.removeFlag(NodeFlag.HANDSHAKE);
            if (header.flags().contains(NodeFlag.MASTER)) {
                state.setNodeAsMaster(node);
            } else if (header.flags().contains(NodeFlag.SLAVE)) {
                state.setPeerAsReplicaOfUnknownMaster(node);
            }
            state.request(PendingAction.SAVE_CONFIG);
            return true;
        }
        if (!node.id().equals(header.senderId())) {
            LOG.debug("PONG contains mismatching sender ID. About node {} added {}", node.id(), header.senderId());
            node.addFlag(NodeFlag.NOADDR, state.environment().nowMillis());
            node.setAddress("", 0, 0);
            links.free(link);
            state.request(PendingAction.SAVE_CONFIG);
            return false;
        }
        return true;
    }

    /**
     * Updates a known node's address from a packet that did not arrive on my outbound link to it; reconnects if it
     * changed (and re-points replication if it is my master).
     *
     * @return {@code true} if the address changed
     */
    boolean updateAddressIfNeeded(ClusterNode node, BusLink link, BusHeader header) {
        if (node.isMyself() || links.outbound(node) == link) {
            return false;
        }
        String ip = ipOf(link, header);
        if (ip.equalsIgnoreCase(node.ip()) && node.port() == header.port() && node.busPort() == header.busPort()) {
            return false;
        }
        node.setAddress(ip, header.port(), header.busPort());
        node.removeFlag(NodeFlag.NOADDR);
        links.freeOutbound(node);
        LOG.info("Address updated for node {}, now {}:{}", node.id(), ip, header.port());
        if (node.id().equals(state.myself().masterId())) {
            state.request(PendingAction.REPLICATION_CHANGED);
        }
        return true;
    }

    /** Removes a handshake node that did not complete in time; returns whether it was removed. */
    boolean expireIfStale(ClusterNode node, long nowMillis) {
        long timeout = Math.max(state.config().nodeTimeoutMillis(), MIN_HANDSHAKE_TIMEOUT_MILLIS);
        if (!node.inHandshake() || nowMillis - node.createdAtMillis() <= timeout) {
            return false;
        }
        LOG.debug("Handshake timeout for node {} ({}:{})", node.id(), node.ip(), node.port());
        state.removeNode(node);
        links.forget(node);
        return true;
    }

    /** The sender's IP: the announced one from its header, else the socket's peer address. */
    private static String ipOf(BusLink link, BusHeader header) {
        return header.ip().isEmpty() ? link.peerIp() : header.ip();
    }
}

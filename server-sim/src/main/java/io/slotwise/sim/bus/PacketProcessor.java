package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.NodeFlag;
import io.slotwise.sim.cluster.PendingAction;
import java.util.BitSet;

/**
 * What a node does with each received message, in Redis's order (§4.3 of the behaviour reference): identify the sender
 * (the link's node, else the header's ID), bind an unidentified inbound link to it, note liveness and epochs; answer a
 * PING or MEET with a PONG; then for PING/PONG/MEET process handshake completion, address changes, the PONG (failure
 * clearing), the sender's role, its slots (update-slots-config, UPDATE to stale senders), config-epoch collisions, gossip
 * and the announced hostname; FAIL, UPDATE, PUBLISH and failover messages are handled only from known senders. Call on the node's event
 * loop.
 */
final class PacketProcessor {

    private final ClusterState state;
    private final LinkManager links;
    private final Outbox outbox;
    private final BusListener listener;
    private final Handshakes handshakes;
    private final EpochTracker epochs;
    private final FailureDetector failures;
    private final RoleUpdater roles;
    private final SlotConfigUpdater slotConfig;
    private final GossipProcessor gossip;

    PacketProcessor(
            ClusterState state,
            LinkManager links,
            Outbox outbox,
            BusListener listener,
            Handshakes handshakes,
            FailureDetector failures,
            SlotConfigUpdater slotConfig) {
        this.state = state;
        this.links = links;
        this.outbox = outbox;
        this.listener = listener;
        this.handshakes = handshakes;
        this.epochs = new EpochTracker(state);
        this.failures = failures;
        this.roles = new RoleUpdater(state);
        this.slotConfig = slotConfig;
        this.gossip = new GossipProcessor(state, links, failures);
    }

    void process(BusLink link, BusMessage message) {
        ClusterMessageType type = message.type();
        BusHeader header = message.header();
        state.messageStats().recordReceived(type);
        ClusterNode sender = senderOf(link, header);
        if (sender != null) {
            if (link.inbound() && link.node() == null) {
                links.bindInbound(link, sender);
            }
            links.markDataReceived(sender, state.environment().nowMillis());
            if (!sender.inHandshake()) {
                epochs.observe(sender, header);
            }
        }
        switch (type) {
            case PING, MEET -> {
                handshakes.onPingOrMeet(link, message, sender);
                if (sender == null && type == ClusterMessageType.MEET) {
                    gossip.process(null, message.gossip().entries());
                }
                outbox.heartbeat(link, ClusterMessageType.PONG);
                processHeartbeat(link, message, sender);
            }
            case PONG -> processHeartbeat(link, message, sender);
            case FAIL -> {
                if (sender != null) {
                    failures.onFailMessage(sender, ((BusPayload.Fail) message.payload()).nodeId());
                }
            }
            case UPDATE -> {
                if (sender != null) {
                    slotConfig.onUpdate((BusPayload.Update) message.payload());
                }
            }
            case PUBLISH, PUBLISHSHARD -> {
                if (sender != null) {
                    BusPayload.Publish publish = (BusPayload.Publish) message.payload();
                    listener.onPublish(type, publish.channelBytes(), publish.messageBytes());
                }
            }
            case FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK, MFSTART -> processFailoverMessage(type, sender, header);
            case MODULE -> {}
        }
    }

    /** Redis's {@code getNodeFromLinkAndMsg}: an established link's node, else a lookup of the header's sender ID. */
    private ClusterNode senderOf(BusLink link, BusHeader header) {
        ClusterNode node = link.node();
        if (node != null && !node.inHandshake() && state.findNode(node.id()).orElse(null) == node) {
            return node;
        }
        return state.findNode(header.senderId()).orElse(null);
    }

    private void processHeartbeat(BusLink link, BusMessage message, ClusterNode sender) {
        BusHeader header = message.header();
        if (!link.inbound() && !handshakes.onOutboundReply(link, header, sender)) {
            return;
        }
        if (sender != null && !sender.isMyself()) {
            if (header.flags().contains(NodeFlag.NOFAILOVER)) {
                sender.addFlag(NodeFlag.NOFAILOVER, 0);
            } else {
                sender.removeFlag(NodeFlag.NOFAILOVER);
            }
            if (message.type() == ClusterMessageType.PING
                    && !sender.inHandshake()
                    && handshakes.updateAddressIfNeeded(sender, link, header)) {
                state.request(PendingAction.SAVE_CONFIG);
                state.updateState();
            }
        }
        if (!link.inbound() && message.type() == ClusterMessageType.PONG) {
            failures.onPong(link.node());
        }
        if (sender == null || sender.isMyself()) {
            return;
        }
        roles.apply(sender, header);
        processClaimedSlots(sender, header);
        if (state.myself().isMaster()
                && sender.isMaster()
                && header.configEpoch() == state.myself().configEpoch()) {
            epochs.resolveCollision(sender);
        }
        gossip.process(sender, message.gossip().entries());
        sender.setHostname(header.hostname());
        listener.onHeartbeat(sender, header);
    }

    private void processClaimedSlots(ClusterNode sender, BusHeader header) {
        ClusterNode senderMaster =
                sender.isMaster() ? sender : state.masterOf(sender).orElse(null);
        if (senderMaster == null) {
            return;
        }
        BitSet known = senderMaster.slots();
        if (header.claimsExactly(known)) {
            return;
        }
        if (sender.isMaster()) {
            slotConfig.update(sender, header.configEpoch(), header.slotBits());
        }
        slotConfig.sendUpdateIfStale(sender, header);
    }

    private void processFailoverMessage(ClusterMessageType type, ClusterNode sender, BusHeader header) {
        if (sender == null) {
            return;
        }
        switch (type) {
            case FAILOVER_AUTH_REQUEST -> listener.onFailoverAuthRequest(sender, header);
            case FAILOVER_AUTH_ACK -> listener.onFailoverAuthAck(sender, header);
            case MFSTART -> {
                if (state.myself().id().equals(sender.masterId())) {
                    listener.onManualFailoverStart(sender, header);
                }
            }
            default -> throw new IllegalArgumentException("not a failover message: " + type);
        }
    }
}

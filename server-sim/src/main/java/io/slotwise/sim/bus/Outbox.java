package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Sends the bus's messages: heartbeats on a given link, and messages to one node or to every node over the outbound
 * links. Sending a PING records it as the node's pending ping, as Redis does. Call on the node's event loop.
 */
final class Outbox {

    private final ClusterState state;
    private final LinkManager links;
    private final MessageFactory messages;

    Outbox(ClusterState state, LinkManager links, MessageFactory messages) {
        this.state = state;
        this.links = links;
        this.messages = messages;
    }

    MessageFactory messages() {
        return messages;
    }

    /** Sends a PING, PONG or MEET on a link (a PONG replies on the link the PING or MEET came in on). */
    void heartbeat(BusLink link, ClusterMessageType type) {
        boolean sent = links.send(link, messages.heartbeat(type));
        if (sent && type == ClusterMessageType.PING && !link.inbound()) {
            link.node().setPingSentMillis(state.environment().nowMillis());
        }
    }

    /** Sends a message on a node's outbound link, if connected. */
    void sendTo(ClusterNode node, BusMessage message) {
        BusLink link = links.activeOutbound(node);
        if (link != null) {
            links.send(link, message);
        }
    }

    /** Sends a message to every connected node except myself and nodes in handshake. */
    void broadcast(BusMessage message) {
        broadcast(message, node -> true);
    }

    /** Sends a message to every connected node accepted by the filter, except myself and nodes in handshake. */
    void broadcast(BusMessage message, Predicate<ClusterNode> filter) {
        for (ClusterNode node : targets(filter)) {
            sendTo(node, message);
        }
    }

    /** Sends a fresh PONG to every connected node (each with its own gossip), as Redis's clusterBroadcastPong. */
    void broadcastPong() {
        for (ClusterNode node : targets(node -> true)) {
            BusLink link = links.activeOutbound(node);
            if (link != null) {
                heartbeat(link, ClusterMessageType.PONG);
            }
        }
    }

    void broadcastFail(ClusterNode failing) {
        broadcast(messages.fail(failing));
    }

    /** Tells a node that its view of {@code about} is stale. */
    void sendUpdate(ClusterNode to, ClusterNode about) {
        sendTo(to, messages.update(about));
    }

    private List<ClusterNode> targets(Predicate<ClusterNode> filter) {
        List<ClusterNode> targets = new ArrayList<>();
        for (ClusterNode node : state.nodes()) {
            if (!node.isMyself() && !node.inHandshake() && filter.test(node)) {
                targets.add(node);
            }
        }
        return targets;
    }
}

package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Builds outgoing messages from the current state. Every message gets a fresh header: myself's identity, epochs,
 * offset, ports, flags and role; as a replica, my master's config epoch and slots (Redis's rule); the announced IP, or
 * none so that receivers use the socket's address; the message flags the {@link BusListener} asks for. Call on the
 * node's event loop.
 */
final class MessageFactory {

    private final ClusterState state;
    private final BusConfig config;
    private final BusListener listener;

    MessageFactory(ClusterState state, BusConfig config, BusListener listener) {
        this.state = state;
        this.config = config;
        this.listener = listener;
    }

    /** A header for a message from myself, with the listener's header flags plus {@code extraFlags}. */
    BusHeader header(Set<MessageFlag> extraFlags) {
        Set<MessageFlag> messageFlags = EnumSet.noneOf(MessageFlag.class);
        messageFlags.addAll(listener.headerFlags());
        messageFlags.addAll(extraFlags);
        ClusterNode myself = state.myself();
        ClusterNode master = state.masterOf(myself).orElse(null);
        ClusterNode slotsOwner = master == null ? myself : master;
        return new BusHeader(
                myself.id(),
                state.currentEpoch(),
                slotsOwner.configEpoch(),
                myself.replicationOffset(),
                myself.port(),
                myself.busPort(),
                config.announceIp(),
                myself.hostname() == null ? "" : myself.hostname(),
                myself.flags(),
                master == null ? null : master.id(),
                slotsOwner.slots(),
                state.isOk(),
                messageFlags);
    }

    /** A PING, PONG or MEET with a freshly chosen gossip section. */
    BusMessage heartbeat(ClusterMessageType type) {
        return new BusMessage(
                type,
                header(Set.of()),
                new BusPayload.Gossip(
                        GossipSelector.select(state, state.environment().random())));
    }

    BusMessage fail(ClusterNode failing) {
        return new BusMessage(ClusterMessageType.FAIL, header(Set.of()), new BusPayload.Fail(failing.id()));
    }

    BusMessage update(ClusterNode about) {
        return new BusMessage(
                ClusterMessageType.UPDATE,
                header(Set.of()),
                new BusPayload.Update(about.id(), about.configEpoch(), about.slots()));
    }

    BusMessage publish(ClusterMessageType type, byte[] channel, byte[] message) {
        return new BusMessage(type, header(Set.of()), new BusPayload.Publish(channel, message));
    }

    BusMessage control(ClusterMessageType type, Set<MessageFlag> messageFlags) {
        return new BusMessage(type, header(messageFlags), new BusPayload.None());
    }
}

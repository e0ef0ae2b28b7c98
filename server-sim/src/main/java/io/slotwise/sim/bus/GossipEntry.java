package io.slotwise.sim.bus;

import io.slotwise.sim.cluster.NodeFlag;
import java.util.Set;

/**
 * What the sender of a PING, PONG or MEET tells about one other node it knows (Redis's {@code clusterMsgDataGossip}).
 * Immutable.
 *
 * @param nodeId the node's ID
 * @param pingSentMillis when the sender's pending PING to the node was sent, {@code 0} if none (whole seconds, as Redis
 *     gossips seconds)
 * @param pongReceivedMillis when the sender last received a PONG from the node (whole seconds)
 * @param ip the node's IP as the sender knows it, possibly empty
 * @param port the node's client port
 * @param busPort the node's bus port
 * @param flags the node's flags in the sender's view (e.g. {@code PFAIL} if the sender cannot reach it)
 */
public record GossipEntry(
        String nodeId,
        long pingSentMillis,
        long pongReceivedMillis,
        String ip,
        int port,
        int busPort,
        Set<NodeFlag> flags) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if the ID is malformed, a time is negative, a port is out of range or the IP
     *     is not up to 255 printable ASCII characters
     */
    public GossipEntry {
        WireValues.requireNodeId(nodeId, "gossip node");
        WireValues.requireNonNegative(pingSentMillis, "ping time");
        WireValues.requireNonNegative(pongReceivedMillis, "pong time");
        WireValues.requireText(ip, "gossip ip");
        WireValues.requirePort(port, "gossip port");
        WireValues.requirePort(busPort, "gossip bus port");
        flags = WireValues.copyFlags(flags, NodeFlag.class);
    }

    /**
     * Tells whether the sender sees the node as failing ({@code PFAIL} or {@code FAIL}).
     *
     * @return {@code true} if either failure flag is set
     */
    public boolean reportsFailure() {
        return flags.contains(NodeFlag.PFAIL) || flags.contains(NodeFlag.FAIL);
    }
}

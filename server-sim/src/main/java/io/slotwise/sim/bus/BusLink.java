package io.slotwise.sim.bus;

import io.netty.channel.Channel;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.IpLiteral;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One TCP connection of the bus. An outbound link is opened by this node's cron to a known node and belongs to it from
 * the start; an inbound link is accepted by the bus server and belongs to a node only once a packet identified the
 * sender. Confined to the node's event loop.
 */
final class BusLink {

    private final Channel channel;
    private final boolean inbound;
    private final long createdAtMillis;
    private ClusterNode node;
    private long lastReleaseNanos;

    BusLink(Channel channel, boolean inbound, ClusterNode node, long createdAtMillis) {
        this.channel = channel;
        this.inbound = inbound;
        this.node = node;
        this.createdAtMillis = createdAtMillis;
    }

    Channel channel() {
        return channel;
    }

    boolean inbound() {
        return inbound;
    }

    /** Returns the node the link belongs to: always set for outbound links, {@code null} until bound for inbound. */
    ClusterNode node() {
        return node;
    }

    void bindTo(ClusterNode node) {
        this.node = node;
    }

    long createdAtMillis() {
        return createdAtMillis;
    }

    boolean isActive() {
        return channel.isActive();
    }

    /** Returns the peer's IP as this socket sees it (normalized like CLUSTER MEET input), or empty if unknown. */
    String peerIp() {
        return ipOf(channel.remoteAddress());
    }

    /** Returns the IP this socket is bound to locally: the address the peer used to reach this node. */
    String localIp() {
        return ipOf(channel.localAddress());
    }

    /**
     * Returns when a message sent now with the given latency may leave, never earlier than the previous delayed
     * message of this link, so that latency never reorders a link's messages.
     */
    long releaseAtNanos(long nowNanos, long latencyNanos) {
        lastReleaseNanos = Math.max(lastReleaseNanos, nowNanos + latencyNanos);
        return lastReleaseNanos;
    }

    private static String ipOf(SocketAddress address) {
        if (!(address instanceof InetSocketAddress socketAddress) || socketAddress.getAddress() == null) {
            return "";
        }
        String text = socketAddress.getAddress().getHostAddress();
        int scope = text.indexOf('%');
        String withoutScope = scope < 0 ? text : text.substring(0, scope);
        return IpLiteral.normalize(withoutScope).orElse("");
    }

    @Override
    public String toString() {
        return (inbound ? "inbound" : "outbound") + " link " + (node == null ? "(unbound)" : node.id());
    }
}

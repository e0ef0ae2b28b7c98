package io.slotwise.sim.replication;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.slotwise.sim.server.ClientSession;

/**
 * One replica connected to this master, as INFO and ROLE list it: the connection it synchronised on, its address (the
 * connection's IP and the port it announced with {@code REPLCONF listening-port}), and the offset it last
 * acknowledged. Confined to the node's event loop.
 */
final class ConnectedReplica {
    private final ClientSession session;
    private final String ip;
    private final int port;
    private long ackOffset;
    private long lastAckMillis;

    ConnectedReplica(ClientSession session, String ip, int port, long nowMillis) {
        this.session = session;
        this.ip = ip;
        this.port = port;
        this.lastAckMillis = nowMillis;
    }

    String ip() {
        return ip;
    }

    int port() {
        return port;
    }

    /** Returns the offset the replica last acknowledged, 0 before its first acknowledgement. */
    long ackOffset() {
        return ackOffset;
    }

    /** Returns when the replica last acknowledged, or when it synchronised if it never did. */
    long lastAckMillis() {
        return lastAckMillis;
    }

    void acknowledged(long offset, long nowMillis) {
        ackOffset = Math.max(ackOffset, offset);
        lastAckMillis = nowMillis;
    }

    /** Sends stream bytes; the array is wrapped, not copied, and must not change afterwards. */
    void send(byte[] bytes) {
        Channel channel = session.channel();
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
        }
    }

    /** Closes the replica's connection. */
    void disconnect() {
        session.close();
    }
}

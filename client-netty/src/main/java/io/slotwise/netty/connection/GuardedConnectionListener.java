package io.slotwise.netty.connection;

import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards events to a {@link ConnectionListener}, logging and swallowing what it throws. */
final class GuardedConnectionListener implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(GuardedConnectionListener.class);

    private final ConnectionListener delegate;

    GuardedConnectionListener(ConnectionListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void connected(NodeAddress node, int protocolVersion) {
        guard(node, () -> delegate.connected(node, protocolVersion));
    }

    @Override
    public void connectFailed(NodeAddress node, Throwable cause) {
        guard(node, () -> delegate.connectFailed(node, cause));
    }

    @Override
    public void disconnected(NodeAddress node, Throwable cause) {
        guard(node, () -> delegate.disconnected(node, cause));
    }

    @Override
    public void reconnectScheduled(NodeAddress node, int attempt, Duration delay) {
        guard(node, () -> delegate.reconnectScheduled(node, attempt, delay));
    }

    private static void guard(NodeAddress node, Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            log.warn("A connection listener failed on an event of {}", node, e);
        }
    }
}

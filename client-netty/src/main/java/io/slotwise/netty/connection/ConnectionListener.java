package io.slotwise.netty.connection;

import io.slotwise.topology.NodeAddress;
import java.time.Duration;

/**
 * Observes the life of a {@link NodeConnection}, for metrics and logging. Every method has a no-op default, so an
 * implementation overrides only what it needs; {@link #NONE} observes nothing.
 *
 * <p>Order for one connection: {@code connected}, then {@code disconnected}, then {@code reconnectScheduled}, then
 * either {@code connected} again or {@code connectFailed} followed by another {@code reconnectScheduled}.
 *
 * <p>Called on the connection's event loop. Implementations must be fast, must not block, must not call back into the
 * connection synchronously, and should not throw; an exception is logged and ignored.
 */
public interface ConnectionListener {

    /** A listener that ignores every event. */
    ConnectionListener NONE = new ConnectionListener() {};

    /**
     * The connection is established and its handshake succeeded; queued commands are being written.
     *
     * @param node the node
     * @param protocolVersion the negotiated RESP version, 2 or 3
     */
    default void connected(NodeAddress node, int protocolVersion) {}

    /**
     * A connection attempt failed (refused, timed out, TLS or handshake failure, authentication refused).
     *
     * @param node the node
     * @param cause why, never {@code null}; never contains secrets
     */
    default void connectFailed(NodeAddress node, Throwable cause) {}

    /**
     * An established connection was lost (not closed by the client); in-flight commands have been failed.
     *
     * @param node the node
     * @param cause the error that ended it, or {@code null} if the server simply closed the connection
     */
    default void disconnected(NodeAddress node, Throwable cause) {}

    /**
     * A reconnect attempt was scheduled.
     *
     * @param node the node
     * @param attempt the number of consecutive failed or lost connections before this attempt, from 0
     * @param delay the backoff before the attempt starts
     */
    default void reconnectScheduled(NodeAddress node, int attempt, Duration delay) {}
}

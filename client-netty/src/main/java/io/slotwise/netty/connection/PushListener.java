package io.slotwise.netty.connection;

import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the RESP3 push messages ({@code >}) a node sends on a connection: out-of-band data such as client-side
 * caching invalidations. Pushes are never replies, so they never complete a command.
 *
 * <p>Called on the connection's event loop, in wire order. Implementations must be fast, must not block and should not
 * throw; an exception is logged and ignored.
 */
@FunctionalInterface
public interface PushListener {

    /** Drops every push, logging it at debug level (kind only, never the data). The default. */
    PushListener DROP = new PushListener() {
        private final Logger log = LoggerFactory.getLogger(PushListener.class);

        @Override
        public void onPush(NodeAddress node, RespValue.Push push) {
            log.debug("Dropped a '{}' push message from {}: no push listener is configured", push.kind(), node);
        }
    };

    /**
     * Handles one push message.
     *
     * @param node the node that sent it
     * @param push the message, never {@code null}
     */
    void onPush(NodeAddress node, RespValue.Push push);
}

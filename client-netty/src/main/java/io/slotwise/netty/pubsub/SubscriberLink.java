package io.slotwise.netty.pubsub;

import io.slotwise.netty.connection.ConnectionListener;
import io.slotwise.netty.connection.ConnectionOptions;
import io.slotwise.netty.connection.NodeConnection;
import io.slotwise.netty.connection.PushListener;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One dedicated subscriber connection to one node, in subscribe mode ({@link ConnectionOptions#subscriber()}): sends
 * subscription commands and reports what the node pushes and how the connection fares. Reconnects by itself; after a
 * reconnect the node has forgotten every subscription of the old connection, which {@link Events#reconnected} tells.
 *
 * <p>Thread-safe; events arrive on the connection's event loop.
 */
final class SubscriberLink {

    /** What a link reports. Called on the connection's event loop; implementations must not block. */
    interface Events {
        /** The node pushed a message or confirmation. */
        void pushed(SubscriberLink link, RespValue.Push push);

        /** The connection is back after a loss: the node holds none of this link's subscriptions. */
        void reconnected(SubscriberLink link);

        /** The connection was lost, or an attempt to (re)open it failed. */
        void troubled(SubscriberLink link, boolean attemptFailed);
    }

    private final NodeAddress node;
    private final NodeConnection connection;
    private volatile boolean connectedBefore;

    /**
     * Creates a link; the connection opens with the first command.
     *
     * @param node the node as the topology announces it
     * @param env the client's environment
     * @param events where events go
     */
    SubscriberLink(NodeAddress node, SubscriberEnvironment env, Events events) {
        this.node = node;
        ConnectionOptions options = env.connectionOptions().toBuilder()
                .subscriber(true)
                .readOnly(false)
                .pushListener(pushListener(events))
                .connectionListener(connectionListener(events))
                .build();
        this.connection = NodeConnection.create(env.addressMapper().apply(node), options, env.resources());
    }

    private PushListener pushListener(Events events) {
        return (address, push) -> events.pushed(this, push);
    }

    private ConnectionListener connectionListener(Events events) {
        return new ConnectionListener() {
            @Override
            public void connected(NodeAddress address, int protocolVersion) {
                if (connectedBefore) {
                    events.reconnected(SubscriberLink.this);
                }
                connectedBefore = true;
            }

            @Override
            public void connectFailed(NodeAddress address, Throwable cause) {
                events.troubled(SubscriberLink.this, true);
            }

            @Override
            public void disconnected(NodeAddress address, Throwable cause) {
                events.troubled(SubscriberLink.this, false);
            }
        };
    }

    /** The node, as the topology announces it. */
    NodeAddress node() {
        return node;
    }

    /**
     * Sends one subscription command.
     *
     * @param command the command word, for example {@code SSUBSCRIBE}
     * @param channels the channels, at least one
     * @return the last confirmation, the node's error reply, or a failure (timeout, connection)
     */
    CompletionStage<RespValue> send(String command, Collection<ChannelName> channels) {
        List<byte[]> args = new ArrayList<>(channels.size() + 1);
        args.add(command.getBytes(StandardCharsets.US_ASCII));
        for (ChannelName channel : channels) {
            args.add(channel.bytes());
        }
        return connection.send(new RawCommand(args));
    }

    /** Closes the connection; commands in flight fail. */
    CompletionStage<Void> close() {
        return connection.close();
    }

    /** Names the node only. */
    @Override
    public String toString() {
        return "SubscriberLink[" + node + "]";
    }
}

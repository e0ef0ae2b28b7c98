package io.slotwise.sim.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.slotwise.sim.command.CommandDispatcher;
import io.slotwise.sim.protocol.ReplyEncoder;
import io.slotwise.sim.protocol.RequestDecoder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Builds the pipeline of each accepted client connection: {@link ReplyDelayHandler} and {@link ReplyEncoder}
 * (outbound), {@link RequestDecoder}
 * (limits follow the live {@code proto-max-bulk-len} and the session's authentication), then a {@link SessionHandler}
 * over a new {@link ClientSession}. Runs on the node's event loop, where the connection is registered.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final ReplyEncoder ENCODER = new ReplyEncoder();

    private final ClientRegistry clients;
    private final NodeStats stats;
    private final CommandDispatcher dispatcher;
    private final LongSupplier protoMaxBulkLen;
    private final BooleanSupplier passwordRequired;
    private final ClientFaults faults;

    ClientChannelInitializer(
            ClientRegistry clients,
            NodeStats stats,
            CommandDispatcher dispatcher,
            LongSupplier protoMaxBulkLen,
            BooleanSupplier passwordRequired,
            ClientFaults faults) {
        this.clients = clients;
        this.stats = stats;
        this.dispatcher = dispatcher;
        this.protoMaxBulkLen = protoMaxBulkLen;
        this.passwordRequired = passwordRequired;
        this.faults = faults;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        stats.connectionReceived();
        ClientSession session = clients.open(channel, System.currentTimeMillis());
        RequestDecoder decoder =
                new RequestDecoder(protoMaxBulkLen, () -> !session.authenticated() && passwordRequired.getAsBoolean());
        if (faults.paused()) {
            channel.config().setAutoRead(false);
        }
        channel.pipeline()
                .addLast(
                        new ReplyDelayHandler(faults),
                        ENCODER,
                        decoder,
                        new SessionHandler(session, dispatcher, decoder, faults));
    }
}

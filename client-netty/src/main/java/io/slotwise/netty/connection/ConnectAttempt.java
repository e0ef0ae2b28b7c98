package io.slotwise.netty.connection;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.netty.HostResolver;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One attempt to open a usable channel to a node: TCP connect, TLS if configured, then the {@link Handshake}, all
 * within {@link ConnectionOptions#connectTimeout()}. Any failure closes the channel. The result fails with a
 * {@link RedisConnectionException} (never having executed a user command), or a
 * {@link io.slotwise.RedisAuthenticationException} for refused credentials.
 *
 * <p>Runs on one event loop; {@link #start()} and {@link #abort(String)} must be called there.
 */
final class ConnectAttempt {

    /** A channel whose handshake succeeded. */
    record Established(Channel channel, InFlightHandler inFlight, int protocolVersion) {}

    private final EventLoop loop;
    private final Class<? extends Channel> channelType;
    private final HostResolver resolver;
    private final NodeAddress node;
    private final ConnectionOptions options;
    private final CompletableFuture<Established> result = new CompletableFuture<>();
    private Channel channel;
    private InFlightHandler inFlight;
    private ScheduledFuture<?> deadline;

    ConnectAttempt(
            EventLoop loop,
            Class<? extends Channel> channelType,
            HostResolver resolver,
            NodeAddress node,
            ConnectionOptions options) {
        this.loop = loop;
        this.channelType = channelType;
        this.resolver = resolver;
        this.node = node;
        this.options = options;
    }

    /**
     * Starts connecting.
     *
     * @return the outcome; completes on the event loop
     */
    CompletableFuture<Established> start() {
        long timeoutMillis = options.connectTimeout().toMillis();
        deadline = loop.schedule(
                () -> fail(new RedisConnectionException(
                        "Connecting to " + node + " timed out after " + timeoutMillis + " ms", null, false)),
                timeoutMillis,
                TimeUnit.MILLISECONDS);
        resolver.resolve(node.host(), node.port()).whenComplete((address, failure) -> {
            try {
                loop.execute(() -> {
                    if (failure != null) {
                        fail(new RedisConnectionException(
                                "Could not resolve the host of " + node + ": " + failure, failure, false));
                    } else {
                        connect(address, timeoutMillis);
                    }
                });
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new RedisConnectionException(
                        "Connecting to " + node + " failed: the client is shut down", e, false));
            }
        });
        return result;
    }

    /** Opens the channel to a resolved address, unless the attempt already ended (timed out, aborted). */
    private void connect(InetSocketAddress address, long timeoutMillis) {
        if (result.isDone()) {
            return;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        inFlight = PipelineFactory.initialize(ch, node, options);
                    }
                });
        ChannelFuture connect = bootstrap.connect(address);
        channel = connect.channel();
        connect.addListener(future -> {
            if (future.isSuccess()) {
                handshake();
            } else {
                fail(new RedisConnectionException(
                        "Could not connect to " + node + ": " + future.cause().getMessage(), future.cause(), false));
            }
        });
    }

    /**
     * Gives up: closes the channel and fails the attempt with {@code reason}.
     *
     * @return completes once the channel is closed and torn down
     */
    CompletableFuture<Void> abort(String reason) {
        fail(new RedisConnectionException("Connecting to " + node + " was aborted: " + reason, null, false));
        return inFlight != null ? inFlight.terminated() : CompletableFuture.completedFuture(null);
    }

    private void handshake() {
        new Handshake(this::sendDirectly, node, options).run().whenComplete((protocol, failure) -> {
            if (failure == null) {
                succeed(protocol);
            } else {
                fail(failure);
            }
        });
    }

    private CompletableFuture<RespValue> sendDirectly(RespCommandArgs args) {
        PendingCommand command = new PendingCommand(args, 0);
        channel.writeAndFlush(command, channel.voidPromise());
        return command.future();
    }

    private void succeed(int protocol) {
        if (result.isDone()) {
            return;
        }
        deadline.cancel(false);
        if (!result.complete(new Established(channel, inFlight, protocol))) {
            channel.close();
        }
    }

    private void fail(Throwable failure) {
        if (result.isDone()) {
            return;
        }
        deadline.cancel(false);
        if (channel != null) {
            channel.close();
        }
        result.completeExceptionally(asConnectionFailure(failure));
    }

    private RedisException asConnectionFailure(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RedisConnectionException connectionFailure && !connectionFailure.mayHaveExecuted()) {
            return connectionFailure;
        }
        return new RedisConnectionException("Handshake with " + node + " failed: " + cause.getMessage(), cause, false);
    }
}

package io.slotwise.sim.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.slotwise.sim.command.CommandDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The client listener of one node: a netty {@link ServerBootstrap} whose acceptor and connections all live on the
 * node's one event loop, bound to each configured address. Addresses follow Redis's {@code bind} syntax: {@code *}
 * is every IPv4 address, {@code ::*} every IPv6 address, and a leading {@code -} makes an address optional (skipped if
 * it cannot be bound).
 *
 * <p>It also applies the node's {@link ClientFaults}: {@link #setInputPaused(boolean)} stops and restarts reading from
 * clients and accepting connections, and every connection's replies pass through a {@link ReplyDelayHandler}.
 *
 * <p>Threading: {@link #bind} blocks and must not be called on the event loop; {@link #closeListeners()} is safe
 * anywhere; {@link #setInputPaused(boolean)} runs on the event loop only.
 */
public final class NodeServer {
    private final ServerBootstrap bootstrap;
    private final List<Channel> listeners = new ArrayList<>();
    private final ClientRegistry clients;
    private final ClientFaults faults;

    /**
     * Prepares the listener of a node.
     *
     * @param loop the node's event loop
     * @param clients the node's client registry
     * @param stats the node's counters
     * @param dispatcher the node's dispatcher
     * @param protoMaxBulkLen the live {@code proto-max-bulk-len}
     * @param passwordRequired whether {@code requirepass} is currently set
     * @param faults the node's client faults
     */
    public NodeServer(
            EventLoop loop,
            ClientRegistry clients,
            NodeStats stats,
            CommandDispatcher dispatcher,
            LongSupplier protoMaxBulkLen,
            BooleanSupplier passwordRequired,
            ClientFaults faults) {
        Objects.requireNonNull(loop, "loop");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.bootstrap = new ServerBootstrap()
                .group(loop, loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 511)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ClientChannelInitializer(
                        clients, stats, dispatcher, protoMaxBulkLen, passwordRequired, faults));
    }

    /**
     * Binds every address; with port 0 the first address gets an ephemeral port and the others the same one.
     *
     * @param addresses the {@code bind} addresses, at least one
     * @param port the port, 0 for an ephemeral one
     * @return the bound port
     * @throws UncheckedIOException if a mandatory address cannot be bound, or none can; the message is Redis's
     */
    public int bind(List<String> addresses, int port) {
        int boundPort = port;
        for (String configured : addresses) {
            boolean optional = configured.startsWith("-");
            String host = hostOf(optional ? configured.substring(1) : configured);
            ChannelFuture future = bootstrap.bind(host, boundPort).awaitUninterruptibly();
            if (!future.isSuccess()) {
                if (optional) {
                    continue;
                }
                closeListeners();
                throw new UncheckedIOException(
                        "Could not create server TCP listening socket " + host + ":" + boundPort + ": bind: "
                                + future.cause().getMessage(),
                        future.cause() instanceof IOException io ? io : new IOException(future.cause()));
            }
            listeners.add(future.channel());
            boundPort = ((InetSocketAddress) future.channel().localAddress()).getPort();
        }
        if (listeners.isEmpty()) {
            String message = "Configured to not listen anywhere, exiting.";
            throw new UncheckedIOException(message, new IOException(message));
        }
        return boundPort;
    }

    /** Returns the addresses the node listens on. */
    public List<InetSocketAddress> addresses() {
        List<InetSocketAddress> bound = new ArrayList<>();
        for (Channel listener : listeners) {
            bound.add((InetSocketAddress) listener.localAddress());
        }
        return bound;
    }

    /**
     * Stops accepting connections; open connections are not affected.
     *
     * @return one future per listener, completed when it is closed
     */
    public List<ChannelFuture> closeListeners() {
        List<ChannelFuture> closed = new ArrayList<>();
        listeners.forEach(listener -> closed.add(listener.close()));
        return closed;
    }

    /**
     * Event loop only. Pauses or resumes client input: while paused no listener accepts and no connection reads (what
     * clients send waits in the kernel, as for a stopped process); on resume every connection reads again and
     * requests already read are served in order.
     *
     * @param paused {@code true} to pause
     */
    public void setInputPaused(boolean paused) {
        faults.setPaused(paused);
        listeners.forEach(listener -> listener.config().setAutoRead(!paused));
        for (ClientSession session : new ArrayList<>(clients.sessions())) {
            Channel channel = session.channel();
            if (paused) {
                channel.config().setAutoRead(false);
            } else {
                channel.pipeline().fireUserEventTriggered(ClientFaults.INPUT_RESUMED);
            }
        }
    }

    private static String hostOf(String address) {
        return switch (address) {
            case "*" -> "0.0.0.0";
            case "::*" -> "::";
            default -> address;
        };
    }
}

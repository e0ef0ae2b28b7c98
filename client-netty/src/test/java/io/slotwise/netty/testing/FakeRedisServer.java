package io.slotwise.netty.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.slotwise.netty.resp.RespDecoder;
import io.slotwise.topology.NodeAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable Redis stand-in for tests: a netty server on {@code 127.0.0.1}, on a free port, that decodes requests
 * (arrays of bulk strings) and lets a {@link Responder} answer each one: reply, delay, never answer, close, send garbage
 * or pushes. Records every request. Owns one event-loop thread, stopped by {@link #close()}.
 */
public final class FakeRedisServer implements AutoCloseable {

    /** One request as received. */
    public record Request(int connectionNumber, List<String> args) {}

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup connections = new DefaultChannelGroup(group.next());
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Request> requests = new ArrayList<>();
    private volatile Responder responder;
    private final Channel serverChannel;

    private FakeRedisServer(Responder responder, SslContext tls) throws InterruptedException {
        this.responder = Objects.requireNonNull(responder, "responder");
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new RespDecoder());
                        ch.pipeline().addLast(new ServerConnection(FakeRedisServer.this, accepted.incrementAndGet()));
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    /** Starts a plain-TCP server. */
    public static FakeRedisServer start(Responder responder) throws InterruptedException {
        return new FakeRedisServer(responder, null);
    }

    /** Starts a server that speaks TLS with the given server context. */
    public static FakeRedisServer startTls(Responder responder, SslContext tls) throws InterruptedException {
        return new FakeRedisServer(responder, tls);
    }

    /** The address clients connect to. */
    public NodeAddress address() {
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        return new NodeAddress("127.0.0.1", local.getPort());
    }

    /** Replaces the responder for requests received from now on. */
    public void responder(Responder value) {
        responder = Objects.requireNonNull(value, "responder");
    }

    Responder responder() {
        return responder;
    }

    synchronized void record(int connection, List<String> args) {
        requests.add(new Request(connection, List.copyOf(args)));
    }

    /** Every request received so far, in arrival order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The arguments of every request received so far whose command is {@code name} (any case). */
    public synchronized List<List<String>> requests(String name) {
        return requests.stream()
                .filter(r -> r.args().get(0).equalsIgnoreCase(name))
                .map(Request::args)
                .toList();
    }

    /** The number of connections accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** The number of connections open now. */
    public int openConnections() {
        return connections.size();
    }

    /** Closes every open connection (the server keeps listening). */
    public void closeConnections() throws InterruptedException {
        connections.close().await(5, TimeUnit.SECONDS);
    }

    /** Stops listening, closes every connection and stops the server's thread. */
    @Override
    public void close() throws InterruptedException {
        serverChannel.close().await(5, TimeUnit.SECONDS);
        connections.close().await(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
}

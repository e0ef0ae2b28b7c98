package io.slotwise.sim.clustermode;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * MIGRATE's cached connections, one per {@code host:port} as Redis keeps them: at most {@value #MAX_CACHED} (the least
 * recently used one is closed to make room), each closed after {@value #IDLE_MILLIS} ms unused, dropped when closed.
 * Connections are made from the node's event loop with NIO, so that every callback runs on that loop.
 *
 * <p>Confined to the node's event loop.
 */
final class MigrateConnectionPool {
    /** Redis's {@code MIGRATE_SOCKET_CACHE_ITEMS}. */
    static final int MAX_CACHED = 64;

    /** Redis's {@code MIGRATE_SOCKET_CACHE_TTL}, in milliseconds. */
    static final long IDLE_MILLIS = 10_000;

    private final EventLoop loop;
    private final long idleMillis;
    private final Map<String, CompletableFuture<MigrateConnection>> cached = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    MigrateConnectionPool(EventLoop loop) {
        this(loop, IDLE_MILLIS);
    }

    MigrateConnectionPool(EventLoop loop, long idleMillis) {
        this.loop = loop;
        this.idleMillis = idleMillis;
    }

    /**
     * Returns the cached connection to a target, connecting if there is none (or it closed).
     *
     * @param host the target host, an IP literal or a name (resolved by netty's default, blocking resolver)
     * @param port the target port
     * @param connectTimeoutMillis the longest the connection may take
     * @return the connection; completed exceptionally with {@link ConnectFailure} if it cannot be made
     */
    CompletableFuture<MigrateConnection> acquire(String host, int port, long connectTimeoutMillis) {
        if (closed) {
            return CompletableFuture.failedFuture(new ConnectFailure(TargetExchange.Failure.CONNECT));
        }
        String key = host + ":" + port;
        CompletableFuture<MigrateConnection> existing = cached.get(key);
        if (existing != null && (!existing.isDone() || usable(existing))) {
            return existing;
        }
        cached.remove(key);
        makeRoom();
        CompletableFuture<MigrateConnection> connecting = connect(key, host, port, connectTimeoutMillis);
        if (!connecting.isCompletedExceptionally()) {
            cached.put(key, connecting);
        }
        return connecting;
    }

    /**
     * Closes and forgets the connection to a target, if any.
     *
     * @param host the target host
     * @param port the target port
     */
    void evict(String host, int port) {
        CompletableFuture<MigrateConnection> connection = cached.remove(host + ":" + port);
        if (connection != null) {
            connection.thenAccept(MigrateConnection::close);
        }
    }

    /** Returns how many connections are cached or being made. */
    int size() {
        return cached.size();
    }

    /** Closes every connection; later acquisitions fail. */
    void close() {
        closed = true;
        List<CompletableFuture<MigrateConnection>> all = new ArrayList<>(cached.values());
        cached.clear();
        all.forEach(connection -> connection.thenAccept(MigrateConnection::close));
    }

    private static boolean usable(CompletableFuture<MigrateConnection> connection) {
        return !connection.isCompletedExceptionally() && connection.join().isActive();
    }

    private void makeRoom() {
        List<CompletableFuture<MigrateConnection>> victims = new ArrayList<>();
        Iterator<CompletableFuture<MigrateConnection>> eldest = cached.values().iterator();
        while (cached.size() >= MAX_CACHED && eldest.hasNext()) {
            victims.add(eldest.next());
            eldest.remove();
        }
        victims.forEach(victim -> victim.thenAccept(MigrateConnection::close));
    }

    private CompletableFuture<MigrateConnection> connect(String key, String host, int port, long timeoutMillis) {
        CompletableFuture<MigrateConnection> result = new CompletableFuture<>();
        MigrateConnection connection = new MigrateConnection(idleMillis);
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeoutMillis, Integer.MAX_VALUE))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new ReplyReader(), connection);
                    }
                });
        ChannelFuture connected = bootstrap.connect(host, port);
        connected.addListener(done -> {
            if (done.isSuccess()) {
                connected.channel().closeFuture().addListener(f -> cached.remove(key, result));
                result.complete(connection);
            } else {
                cached.remove(key, result);
                result.completeExceptionally(new ConnectFailure(failureOf(done.cause())));
            }
        });
        return result;
    }

    private static TargetExchange.Failure failureOf(Throwable cause) {
        return cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException
                ? TargetExchange.Failure.CONNECT
                : TargetExchange.Failure.WRITE;
    }

    /** A connection to a MIGRATE target could not be made. */
    static final class ConnectFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** How MIGRATE reports it. */
        final transient TargetExchange.Failure failure;

        ConnectFailure(TargetExchange.Failure failure) {
            super(failure.errorText(), null, false, false);
            this.failure = failure;
        }
    }
}

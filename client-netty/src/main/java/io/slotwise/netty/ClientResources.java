package io.slotwise.netty;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The threads a client runs on: one netty {@link EventLoopGroup} (NIO transport), either owned by these resources or
 * borrowed from the application. Each connection is bound to one event loop of the group for its whole life; its I/O,
 * its state changes, its command timeouts and its reconnect delays all run there, so nothing needs a lock and no
 * other thread, timer or scheduler is ever created.
 *
 * <p>This is the only class of the client that creates threads. Owned threads are daemon threads named
 * {@code slotwise-io-N}; host names (not IP literals) are looked up by the {@link HostResolver}'s daemon threads
 * {@code slotwise-resolver-N}, created on demand, so that no event loop ever blocks on DNS. Share one instance between all clients of an application, and {@link #shutdown()} it after
 * they are closed.
 *
 * <p>Thread-safe.
 */
public final class ClientResources {

    private final EventLoopGroup group;
    private final boolean owned;
    private final HostResolver resolver = new HostResolver();

    private ClientResources(EventLoopGroup group, boolean owned) {
        this.group = group;
        this.owned = owned;
    }

    /**
     * Creates resources owning an event loop group with one I/O thread per available processor.
     *
     * @return the resources; {@link #shutdown()} stops the threads
     */
    public static ClientResources create() {
        return create(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Creates resources owning an event loop group.
     *
     * @param ioThreads the number of event loop threads, at least 1
     * @return the resources; {@link #shutdown()} stops the threads
     */
    public static ClientResources create(int ioThreads) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                ioThreads, new DefaultThreadFactory("slotwise-io", true), NioIoHandler.newFactory());
        return new ClientResources(group, true);
    }

    /**
     * Uses an event loop group the application owns; {@link #shutdown()} will not stop it.
     *
     * @param group a group whose event loops can run NIO socket channels (for example a
     *     {@link MultiThreadIoEventLoopGroup} with {@link NioIoHandler#newFactory()}), never {@code null}
     * @return the resources
     */
    public static ClientResources borrowing(EventLoopGroup group) {
        return new ClientResources(Objects.requireNonNull(group, "group"), false);
    }

    /**
     * Returns the event loop group.
     *
     * @return the group, owned or borrowed
     */
    public EventLoopGroup eventLoopGroup() {
        return group;
    }

    /**
     * Picks the event loop for a new connection, round-robin over the group.
     *
     * @return an event loop of the group
     */
    public EventLoop nextEventLoop() {
        return group.next();
    }

    /**
     * Returns the resolver connections use for host names.
     *
     * @return the resolver, stopped by {@link #shutdown()}
     */
    public HostResolver hostResolver() {
        return resolver;
    }

    /**
     * Returns the socket channel type that fits the group's transport.
     *
     * @return {@link NioSocketChannel}
     */
    public Class<? extends SocketChannel> socketChannelType() {
        return NioSocketChannel.class;
    }

    /**
     * Tells whether {@link #shutdown()} stops the event loop group.
     *
     * @return {@code true} if these resources created the group
     */
    public boolean ownsEventLoopGroup() {
        return owned;
    }

    /**
     * Stops the owned event loop group, without a quiet period, and the resolver threads; a borrowed group is left
     * running. Close connections
     * first: tasks they schedule after this call are rejected. Idempotent.
     *
     * @return a stage that completes when every owned thread has terminated (at once for a borrowed group); never
     *     completes exceptionally
     */
    public CompletionStage<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        resolver.shutdown();
        if (!owned) {
            done.complete(null);
            return done;
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        group.terminationFuture().addListener(future -> done.complete(null));
        return done;
    }
}

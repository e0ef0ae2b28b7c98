package io.slotwise.sim.bus;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.IpLiteral;
import io.slotwise.sim.cluster.LinkState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The bus's connections: the server channel, one outbound link per known node, the inbound links (bound to a node once
 * identified), and when each node last sent any data. It applies {@link BusFaults} to every message in and out, counts
 * messages in the state's {@link io.slotwise.sim.cluster.ClusterMessageStats}, and mirrors outbound-link existence
 * into each node's {@link LinkState} (connected once the TCP connection is up). Confined to the node's event loop.
 */
final class LinkManager {

    /** What happens on the links, reported on the event loop. */
    interface Events {
        /** An outbound link finished connecting. */
        void connected(BusLink link);

        /** An outbound connection attempt failed (synchronously or not). */
        void connectFailed(ClusterNode node);

        /** A message arrived and passed the fault filter. */
        void received(BusLink link, BusMessage message);
    }

    private final EventLoop loop;
    private final ClusterState state;
    private final BusConfig config;
    private final BusFaults faults;
    private final Events events;
    private final Map<ClusterNode, BusLink> outbound = new IdentityHashMap<>();
    private final Map<ClusterNode, BusLink> inbound = new IdentityHashMap<>();
    private final Map<ClusterNode, Long> dataReceived = new IdentityHashMap<>();
    private final Set<BusLink> open = new LinkedHashSet<>();
    private final Deque<Held> heldWhilePaused = new ArrayDeque<>();
    private Channel server;
    private boolean closed;

    /** How many received messages a paused bus holds; later ones are discarded. */
    static final int MAX_PAUSED_MESSAGES = 10_000;

    /** A message received while paused. */
    private record Held(BusLink link, BusMessage message) {}

    LinkManager(EventLoop loop, ClusterState state, BusConfig config, BusFaults faults, Events events) {
        this.loop = loop;
        this.state = state;
        this.config = config;
        this.faults = faults;
        this.events = events;
    }

    ChannelFuture bind(int port) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop, loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        BusLink link = new BusLink(channel, true, null, now());
                        open.add(link);
                        install(channel, link);
                        if (closed) {
                            channel.close();
                        }
                    }
                });
        ChannelFuture bound = bootstrap.bind(config.bindAddress(), port);
        server = bound.channel();
        return bound;
    }

    int boundPort() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Opens the outbound link to a node; the cron calls it for every node without one. */
    void connect(ClusterNode node) {
        InetSocketAddress address = addressOf(node);
        if (address == null || blocked(faults.snapshot(), node)) {
            events.connectFailed(node);
            return;
        }
        NioSocketChannel channel = new NioSocketChannel();
        channel.config().setTcpNoDelay(true);
        channel.config().setConnectTimeoutMillis(config.connectTimeoutMillis());
        BusLink link = new BusLink(channel, false, node, now());
        install(channel, link);
        outbound.put(node, link);
        open.add(link);
        loop.register(channel).addListener(registered -> {
            if (registered.isSuccess()) {
                channel.connect(address).addListener(done -> connectDone(link, done.isSuccess()));
            } else {
                channel.unsafe().closeForcibly();
                connectDone(link, false);
            }
        });
    }

    private void connectDone(BusLink link, boolean success) {
        ClusterNode node = link.node();
        if (closed || outbound.get(node) != link) {
            link.channel().close();
        } else if (success) {
            node.setLinkState(LinkState.CONNECTED);
            events.connected(link);
        } else {
            free(link);
            events.connectFailed(node);
        }
    }

    private static InetSocketAddress addressOf(ClusterNode node) {
        if (node.busPort() == 0 || IpLiteral.normalize(node.ip()).isEmpty()) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(node.ip()), node.busPort());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private void install(Channel channel, BusLink link) {
        channel.pipeline().addLast(new BusFrameDecoder(), BusFrameEncoder.INSTANCE, new BusLinkHandler(link, this));
    }

    BusLink outbound(ClusterNode node) {
        return outbound.get(node);
    }

    /** Returns the outbound link if it is connected, else {@code null}. */
    BusLink activeOutbound(ClusterNode node) {
        BusLink link = outbound.get(node);
        return link != null && link.isActive() ? link : null;
    }

    long dataReceivedMillis(ClusterNode node) {
        return dataReceived.getOrDefault(node, 0L);
    }

    void markDataReceived(ClusterNode node, long nowMillis) {
        dataReceived.put(node, nowMillis);
    }

    /** Binds an identified inbound link to its node, dropping an older inbound link of the same node. */
    void bindInbound(BusLink link, ClusterNode node) {
        BusLink previous = inbound.put(node, link);
        link.bindTo(node);
        if (previous != null && previous != link) {
            previous.bindTo(null);
            free(previous);
        }
    }

    /** Closes a link and forgets it; for an outbound link the node becomes disconnected. Idempotent. */
    void free(BusLink link) {
        if (!open.remove(link)) {
            return;
        }
        ClusterNode node = link.node();
        if (node != null) {
            if (link.inbound()) {
                inbound.remove(node, link);
            } else if (outbound.remove(node, link)) {
                node.setLinkState(LinkState.DISCONNECTED);
            }
        }
        link.channel().close();
    }

    void freeOutbound(ClusterNode node) {
        BusLink link = outbound.get(node);
        if (link != null) {
            free(link);
        }
    }

    /** Closes both links of a node the state no longer knows, and forgets its liveness. */
    void forget(ClusterNode node) {
        freeOutbound(node);
        BusLink in = inbound.get(node);
        if (in != null) {
            free(in);
        }
        dataReceived.remove(node);
    }

    /** Forgets every node that left the state behind the bus's back (CLUSTER FORGET, CLUSTER RESET). */
    void forgetRemovedNodes() {
        List<ClusterNode> known = new ArrayList<>(outbound.keySet());
        known.addAll(inbound.keySet());
        known.addAll(dataReceived.keySet());
        for (ClusterNode node : known) {
            if (state.findNode(node.id()).orElse(null) != node) {
                forget(node);
            }
        }
    }

    void closed(BusLink link) {
        free(link);
    }

    void received(BusLink link, BusMessage message) {
        if (closed || !open.contains(link)) {
            return;
        }
        if (!faults.paused()) {
            deliver(link, message);
        } else if (heldWhilePaused.size() < MAX_PAUSED_MESSAGES) {
            heldWhilePaused.add(new Held(link, message));
        }
    }

    private void deliver(BusLink link, BusMessage message) {
        BusFaults.Settings settings = faults.snapshot();
        if (blocked(settings, link.node())
                || settings.blockedNodeIds().contains(message.header().senderId())) {
            free(link);
        } else {
            events.received(link, message);
        }
    }

    /** Processes the messages held while paused, in arrival order; those of links closed meanwhile are skipped. */
    void releaseHeldMessages() {
        while (!heldWhilePaused.isEmpty() && !faults.paused() && !closed) {
            Held held = heldWhilePaused.poll();
            if (open.contains(held.link())) {
                deliver(held.link(), held.message());
            }
        }
    }

    /** Resets every link to or from a node that is blocked now. */
    void resetBlockedLinks() {
        BusFaults.Settings settings = faults.snapshot();
        if (settings.blockedNodeIds().isEmpty()) {
            return;
        }
        for (BusLink link : new ArrayList<>(open)) {
            if (blocked(settings, link.node())) {
                free(link);
            }
        }
    }

    /**
     * Sends a message on a connected link, unless the bus is paused; a link to a blocked node is reset instead.
     *
     * @return whether the message was sent
     */
    boolean send(BusLink link, BusMessage message) {
        BusFaults.Settings settings = faults.snapshot();
        if (closed || !link.isActive() || settings.paused()) {
            return false;
        }
        if (blocked(settings, link.node())) {
            free(link);
            return false;
        }
        state.messageStats().recordSent(message.type());
        long nowNanos = System.nanoTime();
        long releaseAt = link.releaseAtNanos(nowNanos, settings.latencyNanos());
        if (releaseAt <= nowNanos) {
            link.channel().writeAndFlush(message);
        } else {
            loop.schedule(() -> link.channel().writeAndFlush(message), releaseAt - nowNanos, TimeUnit.NANOSECONDS);
        }
        return true;
    }

    private static boolean blocked(BusFaults.Settings settings, ClusterNode node) {
        return node != null && settings.blockedNodeIds().contains(node.id());
    }

    /**
     * Describes the links bound to known nodes, in the state's node order: the outbound link ({@code to}), then the
     * inbound one ({@code from}), as Redis lists them.
     */
    List<BusLinkInfo> describe() {
        List<BusLinkInfo> described = new ArrayList<>();
        for (ClusterNode node : state.nodes()) {
            BusLink out = outbound.get(node);
            if (out != null) {
                described.add(describe("to", node, out));
            }
            BusLink in = inbound.get(node);
            if (in != null) {
                described.add(describe("from", node, in));
            }
        }
        return described;
    }

    private static BusLinkInfo describe(String direction, ClusterNode node, BusLink link) {
        Channel channel = link.channel();
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        long pending = buffer == null ? 0 : buffer.totalPendingWriteBytes();
        String events = !channel.isActive() ? "" : pending > 0 ? "rw" : "r";
        return new BusLinkInfo(direction, node.id(), link.createdAtMillis(), events, pending, pending);
    }

    /** Closes the server and every link; returns the futures of those closes. */
    List<ChannelFuture> closeAll() {
        closed = true;
        heldWhilePaused.clear();
        List<ChannelFuture> closing = new ArrayList<>();
        if (server != null) {
            closing.add(server.close());
        }
        for (BusLink link : new ArrayList<>(open)) {
            free(link);
            closing.add(link.channel().closeFuture());
        }
        return closing;
    }

    private long now() {
        return state.environment().nowMillis();
    }
}

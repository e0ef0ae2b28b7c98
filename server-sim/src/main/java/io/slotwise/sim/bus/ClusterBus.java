package io.slotwise.sim.bus;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.PendingAction;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster bus of one simulated node: a TCP server on the bus port, one outbound link per known node, the 100 ms
 * cron (handshakes, pings, failure detection) and the processing of every received message, all with Redis 7's
 * semantics and this package's wire format.
 *
 * <p><b>Threading.</b> The bus runs entirely on the one {@link EventLoop} it is started on, which must be the thread
 * that owns the {@link ClusterState} (no locks anywhere). The loop must be able to register NIO channels (a netty
 * {@code MultiThreadIoEventLoopGroup} with the NIO handler). Methods documented "loop only" throw
 * {@link IllegalStateException} elsewhere; {@link #faults()}, {@link #busPort()} and {@link #close()} may be called
 * from any thread.
 *
 * <p><b>Plugging in.</b> The node creates its {@link ClusterState} (with myself's bus port, or {@code 0} for an
 * ephemeral one), calls {@link #start}, and then, on the loop, after every change it makes to the state outside the
 * bus (a CLUSTER subcommand), calls {@link #flushPendingActions()}: the bus sends the requested PONG broadcast itself
 * and passes every other {@link PendingAction} to the {@link BusListener}. The bus does the same after each packet and
 * each cron tick. CLUSTER MEET needs no hook: the handshake node it adds is contacted by the next cron tick.
 */
public final class ClusterBus {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);

    private final EventLoop loop;
    private final ClusterState state;
    private final BusListener listener;
    private final BusFaults faults = new BusFaults();
    private final LinkManager links;
    private final Outbox outbox;
    private final PacketProcessor processor;
    private final BusCron cron;
    private volatile int busPort;
    private ScheduledFuture<?> cronTask;
    private boolean closed;

    private ClusterBus(EventLoop loop, ClusterState state, BusConfig config, BusListener listener) {
        this.loop = loop;
        this.state = state;
        this.listener = new GuardedListener(listener);
        this.links = new LinkManager(loop, state, config, faults, new LinkEvents());
        this.outbox = new Outbox(state, links, new MessageFactory(state, config, this.listener));
        FailureDetector failures = new FailureDetector(state, outbox);
        Handshakes handshakes = new Handshakes(state, config, links);
        SlotConfigUpdater slotConfig = new SlotConfigUpdater(state, outbox, this.listener);
        this.processor = new PacketProcessor(state, links, outbox, this.listener, handshakes, failures, slotConfig);
        this.cron = new BusCron(state, links, outbox, handshakes, failures, this.listener);
    }

    /**
     * Starts a node's bus: binds the server to {@code config.bindAddress()} and myself's bus port (an ephemeral port
     * when it is {@code 0}, recorded into myself), sets the announced IP into myself if one is configured, and starts
     * the cron. May be called from any thread.
     *
     * @param loop the node's event loop, never {@code null}; the state's owner
     * @param state the node's cluster state, never {@code null}
     * @param config the bus options, never {@code null}
     * @param listener receives follow-up work and hooks, never {@code null} ({@link BusListener#NONE} for none)
     * @return a future completed with the running bus, or failed with the bind error (an
     *     {@link IllegalStateException} reading {@code Failed listening on port <port> (cluster), aborting.}) or
     *     when the loop is shut down
     */
    public static Future<ClusterBus> start(EventLoop loop, ClusterState state, BusConfig config, BusListener listener) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        Promise<ClusterBus> started = loop.newPromise();
        try {
            loop.execute(() -> new ClusterBus(loop, state, config, listener).bind(config, started));
        } catch (RejectedExecutionException e) {
            started.setFailure(e);
        }
        return started;
    }

    private void bind(BusConfig config, Promise<ClusterBus> started) {
        ClusterNode myself = state.myself();
        if (!config.announceIp().isEmpty()) {
            myself.setAddress(config.announceIp(), myself.port(), myself.busPort());
        }
        ChannelFuture bound = links.bind(myself.busPort());
        bound.addListener(done -> {
            if (!done.isSuccess()) {
                links.closeAll();
                started.setFailure(new IllegalStateException(
                        "Failed listening on port " + myself.busPort() + " (cluster), aborting.", done.cause()));
                return;
            }
            busPort = links.boundPort();
            myself.setAddress(myself.ip(), myself.port(), busPort);
            cronTask = loop.scheduleAtFixedRate(
                    this::runCron, BusCron.PERIOD_MILLIS, BusCron.PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            started.setSuccess(this);
        });
    }

    /**
     * Returns the port the bus server listens on.
     *
     * @return the port
     */
    public int busPort() {
        return busPort;
    }

    /**
     * Returns this node's fault injection knobs (thread-safe).
     *
     * @return the faults, never {@code null}
     */
    public BusFaults faults() {
        return faults;
    }

    /**
     * Returns the event loop the bus runs on.
     *
     * @return the loop
     */
    public EventLoop eventLoop() {
        return loop;
    }

    /**
     * Loop only. Drains the state's pending actions: broadcasts a PONG if requested and hands the others to the
     * listener.
     */
    public void flushPendingActions() {
        requireLoop();
        Set<PendingAction> actions = state.drainPendingActions();
        if (actions.remove(PendingAction.BROADCAST_PONG) && !closed) {
            outbox.broadcastPong();
        }
        if (!actions.isEmpty()) {
            listener.onPendingActions(actions);
        }
    }

    /**
     * Loop only. Describes the links to and from known nodes, as CLUSTER LINKS shows them.
     *
     * @return the links, outbound then inbound per node in the state's node order; empty once closed
     */
    public List<BusLinkInfo> links() {
        requireLoop();
        return closed ? List.of() : links.describe();
    }

    /** Loop only. Sends a PONG to every connected node now, spreading a configuration change. */
    public void broadcastPong() {
        requireLoop();
        outbox.broadcastPong();
    }

    /**
     * Loop only. Sends a PING to a node now over its outbound link, if connected, recording it as the node's pending
     * ping (a master in a manual failover pings the requesting replica every tick).
     *
     * @param node the target, never {@code null}
     */
    public void ping(ClusterNode node) {
        requireLoop();
        BusLink link = links.activeOutbound(node);
        if (link != null) {
            outbox.heartbeat(link, ClusterMessageType.PING);
        }
    }

    /**
     * Loop only. Propagates a PUBLISH (to every node) or PUBLISHSHARD (to the other nodes of my shard).
     *
     * @param type {@link ClusterMessageType#PUBLISH} or {@link ClusterMessageType#PUBLISHSHARD}
     * @param channel the channel name, never {@code null}
     * @param message the message, never {@code null}
     * @throws IllegalArgumentException for another type
     */
    public void publish(ClusterMessageType type, byte[] channel, byte[] message) {
        requireLoop();
        BusMessage publish = outbox.messages().publish(type, channel, message);
        if (type == ClusterMessageType.PUBLISH) {
            outbox.broadcast(publish);
        } else {
            ClusterNode myself = state.myself();
            ClusterNode master = state.masterOf(myself).orElse(myself);
            outbox.broadcast(publish, node -> node == master || master.id().equals(node.masterId()));
        }
    }

    /**
     * Loop only. Failover hook: sends a header-only message (FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK or MFSTART) to
     * one node over its outbound link, if connected.
     *
     * @param node the target, never {@code null}
     * @param type the message type
     * @param flags the header's message flags
     * @throws IllegalArgumentException for a type that carries a payload
     */
    public void sendControl(ClusterNode node, ClusterMessageType type, Set<MessageFlag> flags) {
        requireLoop();
        outbox.sendTo(node, outbox.messages().control(type, flags));
    }

    /**
     * Loop only. Failover hook: sends a header-only message to every connected node.
     *
     * @param type the message type
     * @param flags the header's message flags
     * @throws IllegalArgumentException for a type that carries a payload
     */
    public void broadcastControl(ClusterMessageType type, Set<MessageFlag> flags) {
        requireLoop();
        outbox.broadcast(outbox.messages().control(type, flags));
    }

    /**
     * Stops the bus: cancels the cron and closes the server channel and every link. May be called from any thread,
     * more than once.
     *
     * @return a future completed once the server channel and every link are closed
     */
    public Future<Void> close() {
        Promise<Void> done = loop.newPromise();
        try {
            loop.execute(() -> {
                closed = true;
                if (cronTask != null) {
                    cronTask.cancel(false);
                }
                PromiseCombiner combiner = new PromiseCombiner(loop);
                links.closeAll().forEach(combiner::add);
                combiner.finish(done);
            });
        } catch (RejectedExecutionException e) {
            done.setSuccess(null);
        }
        return done;
    }

    private void runCron() {
        if (closed || faults.paused()) {
            return;
        }
        try {
            links.releaseHeldMessages();
            links.resetBlockedLinks();
            cron.tick();
        } catch (RuntimeException e) {
            LOG.error("Cluster cron failed", e);
        }
        flushPendingActions();
    }

    private void requireLoop() {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("call this on the node's event loop");
        }
    }

    /** Link events, delivered on the loop. */
    private final class LinkEvents implements LinkManager.Events {
        @Override
        public void connected(BusLink link) {
            if (!faults.paused()) {
                cron.onConnected(link);
                flushPendingActions();
            }
        }

        @Override
        public void connectFailed(ClusterNode node) {
            cron.onConnectFailed(node);
        }

        @Override
        public void received(BusLink link, BusMessage message) {
            try {
                processor.process(link, message);
            } catch (RuntimeException e) {
                LOG.error("Failed to process {} on {}", message.type(), link, e);
                links.free(link);
            }
            flushPendingActions();
        }
    }
}

package io.slotwise.netty.pubsub;

import io.netty.channel.EventLoop;
import io.slotwise.pubsub.SubscriptionKind;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the wanted subscriptions of one subscriber established, whatever happens to the cluster.
 *
 * <p>The engine coordinates: it owns the wanted sets, every link (so that {@link #close()} closes them all), the
 * background retry and the link events, and delegates classic channels and patterns to {@link ClassicSubscriptions}
 * (one link, moved when its node goes) and shard channels to {@link ShardSubscriptions} (one link per owning primary,
 * re-placed when slots move). After a topology change, a node's own {@code sunsubscribe} (it lost the slot), a lost
 * connection or a reconnect, it re-plans both. Whatever could not be (re)established is retried every {@link
 * #RETRY_DELAY_MILLIS} ms.
 *
 * <p>Threading: all state lives on one event loop ({@link LoopSteps}); the entry points may be called from any thread
 * and hop there. The wanted sets are concurrent so that {@link #wanted} can read them from any thread. Pushes are handed
 * to the sink on the link's event loop, as they arrive.
 */
final class SubscriptionEngine implements SubscriberLink.Events, SubscriptionHost {

    /** Receives every push of every link: messages and confirmations. Called on I/O threads; must not block. */
    interface Sink {
        void pushed(RespValue.Push push);
    }

    /** Delay before retrying what could not be (re)subscribed. */
    static final long RETRY_DELAY_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEngine.class);

    private final SubscriberEnvironment env;
    private final Sink sink;
    private final LoopSteps steps;
    private final Map<SubscriptionKind, Set<ChannelName>> wanted = new EnumMap<>(SubscriptionKind.class);
    private final Set<SubscriberLink> links = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean closing;
    private final AtomicBoolean closeStarted = new AtomicBoolean();

    // Event-loop confined.
    private final ClassicSubscriptions classic;
    private final ShardSubscriptions shards;
    private ScheduledFuture<?> retry;

    SubscriptionEngine(SubscriberEnvironment env, Sink sink) {
        this.env = env;
        this.sink = sink;
        this.steps = new LoopSteps(env.resources().nextEventLoop(), () -> closing);
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            wanted.put(kind, ConcurrentHashMap.newKeySet());
        }
        this.classic = new ClassicSubscriptions(env, wanted, this, steps);
        this.shards = new ShardSubscriptions(env, wanted.get(SubscriptionKind.SHARD_CHANNEL), this, steps);
    }

    /** A snapshot of what is wanted; any thread. */
    Set<ChannelName> wanted(SubscriptionKind kind) {
        return Set.copyOf(wanted.get(kind));
    }

    /** The nodes subscriber connections are open or opening to; any thread, for tests and diagnostics. */
    Set<NodeAddress> linkedNodes() {
        Set<NodeAddress> nodes = new LinkedHashSet<>();
        links.forEach(link -> nodes.add(link.node()));
        return nodes;
    }

    /**
     * Subscribes.
     *
     * @return completes when every name is confirmed; see {@link io.slotwise.pubsub.ClusterSubscriber}
     */
    CompletionStage<Void> subscribe(SubscriptionKind kind, List<ChannelName> names) {
        return steps.stage(() -> {
            Set<ChannelName> added = new LinkedHashSet<>();
            for (ChannelName name : names) {
                if (wanted.get(kind).add(name)) {
                    added.add(name);
                }
            }
            return kind == SubscriptionKind.SHARD_CHANNEL
                    ? shards.subscribe(names, added)
                    : classic.subscribe(kind, names, added);
        });
    }

    /**
     * Unsubscribes.
     *
     * @return completes when every name is confirmed unsubscribed, or its connection is gone
     */
    CompletionStage<Void> unsubscribe(SubscriptionKind kind, List<ChannelName> names) {
        return steps.stage(() -> {
            wanted.get(kind).removeAll(names);
            return kind == SubscriptionKind.SHARD_CHANNEL
                    ? shards.unsubscribe(names)
                    : classic.unsubscribe(kind, names);
        });
    }

    /** The client's topology changed: re-plan. Any thread. */
    void topologyChanged() {
        steps.run(this::reconcile);
    }

    /**
     * Closes every link; later calls fail.
     *
     * @return completes when every connection is closed; never fails
     */
    CompletionStage<Void> close() {
        if (!closeStarted.compareAndSet(false, true)) {
            return closed; // a concurrent or earlier close runs the shutdown once
        }
        closing = true;
        Runnable shutdown = () -> {
            if (retry != null) {
                retry.cancel(false);
            }
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (SubscriberLink link : List.copyOf(links)) {
                all.add(closeLink(link));
            }
            shards.forget();
            classic.forget();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .whenComplete((ok, e) -> closed.complete(null));
        };
        try {
            steps.loop().execute(shutdown);
        } catch (RejectedExecutionException e) {
            shutdown.run();
        }
        return closed;
    }

    // ---- re-planning ----

    private void reconcile() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        if (closing) {
            return;
        }
        ClusterTopology topology = env.topology().get();
        classic.reconcile(topology);
        shards.reconcile(topology);
    }

    /** Re-plans everything after {@link #RETRY_DELAY_MILLIS}, unless a retry is pending or the engine is closing. */
    @Override
    public void scheduleRetry() {
        if (retry == null && !closing) {
            EventLoop loop = steps.loop();
            try {
                retry = loop.schedule(this::reconcile, RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                retry = null;
            }
        }
    }

    // ---- link events ----

    /** Hands the push to the sink; a node's {@code sunsubscribe} of a still wanted shard channel re-plans. */
    @Override
    public void pushed(SubscriberLink link, RespValue.Push push) {
        sink.pushed(push);
        ChannelName channel = ShardSubscriptions.unsubscribedChannel(push);
        if (channel != null) {
            steps.run(() -> shardDropped(link, channel));
        }
    }

    /** A node dropped a shard channel: by our request, or on its own because it lost the slot. */
    private void shardDropped(SubscriberLink link, ChannelName channel) {
        if (!shards.dropped(link, channel)) {
            return;
        }
        log.debug("{} dropped a shard channel (its slot moved); re-subscribing where the slot lives now", link.node());
        reconcile();
        env.refresh().get().whenComplete((ok, e) -> steps.run(this::reconcile));
    }

    /** Subscribes everything of the link again: on the same node if classic, wherever the slots live if sharded. */
    @Override
    public void reconnected(SubscriberLink link) {
        steps.run(() -> {
            if (classic.reconnected(link)) {
                return;
            }
            if (shards.reconnected(link)) {
                reconcile();
            }
        });
    }

    /** Moves the classic link if it cannot reconnect; refreshes the topology and re-plans. */
    @Override
    public void troubled(SubscriberLink link, boolean attemptFailed) {
        steps.run(() -> {
            classic.troubled(link, attemptFailed);
            env.refresh().get().whenComplete((ok, e) -> steps.run(this::reconcile));
        });
    }

    // ---- links ----

    /** Opens a link, registered so that {@link #close()} closes it; closed at once if the engine is closing. */
    @Override
    public SubscriberLink openLink(NodeAddress node) {
        SubscriberLink link = new SubscriberLink(node, env, this);
        links.add(link);
        if (closing) {
            closeLink(link);
        }
        return link;
    }

    /** Closes a link and unregisters it once closed. */
    @Override
    public CompletableFuture<Void> closeLink(SubscriberLink link) {
        return link.close().toCompletableFuture().whenComplete((ok, e) -> links.remove(link));
    }
}

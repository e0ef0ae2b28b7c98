package io.slotwise.netty.pubsub;

import io.netty.channel.EventLoop;
import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.pubsub.SubscriptionKind;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the wanted subscriptions of one subscriber established, whatever happens to the cluster.
 *
 * <p>Classic channels and patterns share one {@link SubscriberLink}, to the primary owning the first channel's slot
 * (where a {@code PUBLISH} of this client arrives, so no bus hop) or else a random reachable primary. It moves to
 * another node, subscribing everything again, when the node leaves the topology or a reconnect attempt fails; after a
 * successful reconnect it subscribes everything again on the same node.
 *
 * <p>Shard channels are placed on the primary owning their slot, one link per such primary, one {@code SSUBSCRIBE}
 * per slot; a {@code MOVED} answer is followed (and refreshes the topology). After a topology change, a node's own
 * {@code sunsubscribe} (it lost the slot), a lost connection or a reconnect, the engine re-plans ({@link
 * ShardPlacement}) and subscribes what is misplaced on its owner. Links left without channels are closed. Whatever
 * could not be (re)established is retried every {@link #RETRY_DELAY_MILLIS} ms.
 *
 * <p>Threading: all state lives on one event loop; public entry points hop there. Pushes are handed to the sink on the
 * link's event loop, as they arrive.
 */
final class SubscriptionEngine implements SubscriberLink.Events {

    /** Receives every push of every link: messages and confirmations. Called on I/O threads; must not block. */
    interface Sink {
        void pushed(RespValue.Push push);
    }

    /** Delay before retrying what could not be (re)subscribed. */
    static final long RETRY_DELAY_MILLIS = 500;

    /** How many {@code MOVED} answers one {@code SSUBSCRIBE} follows. */
    static final int MAX_REDIRECTS = 5;

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEngine.class);

    private final SubscriberEnvironment env;
    private final Sink sink;
    private final EventLoop loop;
    private final Map<SubscriptionKind, Set<ChannelName>> wanted = new EnumMap<>(SubscriptionKind.class);
    private final Set<SubscriberLink> links = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean closing;

    // Event-loop confined.
    private final Map<NodeAddress, SubscriberLink> shardLinks = new HashMap<>();
    private final Map<ChannelName, NodeAddress> placed = new HashMap<>();
    private SubscriberLink classic;
    private boolean classicStale;
    private ScheduledFuture<?> retry;

    SubscriptionEngine(SubscriberEnvironment env, Sink sink) {
        this.env = env;
        this.sink = sink;
        this.loop = env.resources().nextEventLoop();
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            wanted.put(kind, ConcurrentHashMap.newKeySet());
        }
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
        return onLoopStage(() -> {
            Set<ChannelName> added = new LinkedHashSet<>();
            for (ChannelName name : names) {
                if (wanted.get(kind).add(name)) {
                    added.add(name);
                }
            }
            return kind == SubscriptionKind.SHARD_CHANNEL
                    ? subscribeShards(names, added)
                    : subscribeClassic(kind, names, added);
        });
    }

    /**
     * Unsubscribes.
     *
     * @return completes when every name is confirmed unsubscribed, or its connection is gone
     */
    CompletionStage<Void> unsubscribe(SubscriptionKind kind, List<ChannelName> names) {
        return onLoopStage(() -> {
            wanted.get(kind).removeAll(names);
            return kind == SubscriptionKind.SHARD_CHANNEL ? unsubscribeShards(names) : unsubscribeClassic(kind, names);
        });
    }

    /** The client's topology changed: re-plan. Any thread. */
    void topologyChanged() {
        onLoop(this::reconcile);
    }

    /**
     * Closes every link; later calls fail.
     *
     * @return completes when every connection is closed; never fails
     */
    CompletionStage<Void> close() {
        if (closing) {
            return closed;
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
            shardLinks.clear();
            classic = null;
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .whenComplete((ok, e) -> closed.complete(null));
        };
        try {
            loop.execute(shutdown);
        } catch (RejectedExecutionException e) {
            shutdown.run();
        }
        return closed;
    }

    // ---- classic ----

    private CompletionStage<Void> subscribeClassic(
            SubscriptionKind kind, List<ChannelName> names, Set<ChannelName> added) {
        SubscriberLink link = classicLink();
        if (link == null) {
            scheduleRetry();
            return CompletableFuture.failedFuture(new RedisConnectionException(
                    "No node is known to subscribe on; retrying in the background", null, false));
        }
        String command = kind == SubscriptionKind.CHANNEL ? "SUBSCRIBE" : "PSUBSCRIBE";
        return onLoopAfter(link.send(command, names), (reply, failure) -> {
            if (failure != null) {
                if (classic == link) {
                    classicStale = true;
                }
                scheduleRetry();
                throw failure;
            }
            if (reply.withoutAttributes() instanceof RespValue.Error error) {
                wanted.get(kind).removeAll(added);
                throw new RedisCommandException(command, error.message());
            }
            return null;
        });
    }

    private CompletionStage<Void> unsubscribeClassic(SubscriptionKind kind, List<ChannelName> names) {
        SubscriberLink link = classic;
        if (link == null) {
            return CompletableFuture.completedFuture(null);
        }
        String command = kind == SubscriptionKind.CHANNEL ? "UNSUBSCRIBE" : "PUNSUBSCRIBE";
        return onLoopAfter(link.send(command, names), (reply, failure) -> {
            if (classic == link
                    && wanted.get(SubscriptionKind.CHANNEL).isEmpty()
                    && wanted.get(SubscriptionKind.PATTERN).isEmpty()) {
                classic = null;
                closeLink(link);
            }
            return unsubscribeOutcome(command, reply, failure);
        });
    }

    private SubscriberLink classicLink() {
        if (classic == null) {
            NodeAddress node = chooseClassicNode(null);
            if (node != null) {
                classic = newLink(node);
                classicStale = false;
            }
        }
        return classic;
    }

    /** The owner of the first wanted channel's slot if reachable, else a random reachable primary, else any node. */
    private NodeAddress chooseClassicNode(NodeAddress avoid) {
        ClusterTopology topology = env.topology().get();
        Set<ChannelName> channels = wanted.get(SubscriptionKind.CHANNEL);
        if (!channels.isEmpty()) {
            Shard shard = topology.shardForSlot(channels.iterator().next().slot());
            if (shard != null && usable(shard.primary().address(), avoid)) {
                return shard.primary().address();
            }
        }
        List<NodeAddress> candidates = new ArrayList<>();
        for (Shard shard : topology.shards()) {
            if (shard.slotCount() > 0 && usable(shard.primary().address(), avoid)) {
                candidates.add(shard.primary().address());
            }
        }
        if (candidates.isEmpty()) {
            topology.nodes().forEach(node -> {
                if (!node.address().equals(avoid)) {
                    candidates.add(node.address());
                }
            });
        }
        return candidates.isEmpty()
                ? null
                : candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    private boolean usable(NodeAddress node, NodeAddress avoid) {
        return !node.equals(avoid) && !env.unreachable().test(node);
    }

    private void moveClassic(NodeAddress avoid) {
        SubscriberLink old = classic;
        classic = null;
        if (old != null) {
            closeLink(old);
        }
        NodeAddress node = chooseClassicNode(avoid);
        if (node == null) {
            env.refresh().get();
            scheduleRetry();
            return;
        }
        log.debug("Moving classic subscriptions to {}", node);
        classic = newLink(node);
        resubscribeClassic(classic);
    }

    private void resubscribeClassic(SubscriberLink link) {
        classicStale = false;
        resendAll(link, "SUBSCRIBE", wanted.get(SubscriptionKind.CHANNEL));
        resendAll(link, "PSUBSCRIBE", wanted.get(SubscriptionKind.PATTERN));
    }

    private void resendAll(SubscriberLink link, String command, Set<ChannelName> names) {
        if (names.isEmpty()) {
            return;
        }
        onLoopAfter(link.send(command, List.copyOf(names)), (reply, failure) -> {
            if ((failure != null || reply.withoutAttributes() instanceof RespValue.Error) && classic == link) {
                log.debug("Re-subscribing on {} failed; retrying", link.node(), failure);
                classicStale = true;
                scheduleRetry();
            }
            return null;
        });
    }

    // ---- sharded ----

    private CompletionStage<Void> subscribeShards(List<ChannelName> names, Set<ChannelName> added) {
        ClusterTopology topology = env.topology().get();
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        ShardPlacement.bySlot(names).forEach((slot, channels) -> {
            Shard shard = topology.shardForSlot(slot);
            CompletionStage<Void> part;
            if (shard != null) {
                part = subscribeSlot(shard.primary().address(), channels, added, MAX_REDIRECTS);
            } else {
                part = env.refresh()
                        .get()
                        .thenComposeAsync(
                                ignored -> {
                                    Shard refreshed = env.topology().get().shardForSlot(slot);
                                    if (refreshed == null) {
                                        scheduleRetry();
                                        throw new RedisException(
                                                "No node serves slot " + slot + "; retrying in the background");
                                    }
                                    return subscribeSlot(refreshed.primary().address(), channels, added, MAX_REDIRECTS);
                                },
                                loop);
            }
            parts.add(part.toCompletableFuture());
        });
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    }

    /** Sends one {@code SSUBSCRIBE} for channels of one slot to {@code owner}, following {@code MOVED}. */
    private CompletionStage<Void> subscribeSlot(
            NodeAddress owner, List<ChannelName> channels, Set<ChannelName> added, int redirectsLeft) {
        SubscriberLink link = shardLinks.computeIfAbsent(owner, this::newLink);
        for (ChannelName channel : channels) {
            placed.put(channel, owner);
        }
        return onLoopAfter(link.send("SSUBSCRIBE", channels), (reply, failure) -> {
                    if (failure != null) {
                        unplace(channels, owner);
                        scheduleRetry();
                        throw failure;
                    }
                    if (!(reply.withoutAttributes() instanceof RespValue.Error error)) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    unplace(channels, owner);
                    Redirect redirect =
                            Redirect.parse(error.message(), owner.host()).orElse(null);
                    if (redirect != null && redirectsLeft > 0) {
                        env.refresh().get();
                        return subscribeSlot(redirect.target(), channels, added, redirectsLeft - 1);
                    }
                    channels.stream()
                            .filter(added::contains)
                            .forEach(wanted.get(SubscriptionKind.SHARD_CHANNEL)::remove);
                    closeIdleLinks();
                    throw new RedisCommandException("SSUBSCRIBE", error.message());
                })
                .thenCompose(stage -> stage);
    }

    private void unplace(List<ChannelName> channels, NodeAddress owner) {
        for (ChannelName channel : channels) {
            placed.remove(channel, owner);
        }
    }

    private CompletionStage<Void> unsubscribeShards(List<ChannelName> names) {
        Map<NodeAddress, List<ChannelName>> byNode = new HashMap<>();
        for (ChannelName name : names) {
            NodeAddress node = placed.remove(name);
            if (node != null) {
                byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(name);
            }
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        byNode.forEach((node, channels) -> {
            SubscriberLink link = shardLinks.get(node);
            if (link != null) {
                ShardPlacement.bySlot(channels)
                        .forEach((slot, group) -> parts.add(onLoopAfter(
                                        link.send("SUNSUBSCRIBE", group),
                                        (reply, failure) -> unsubscribeOutcome("SUNSUBSCRIBE", reply, failure))
                                .toCompletableFuture()));
            }
        });
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((ok, e) -> closeIdleLinks(), loop);
    }

    /** An unsubscription fails only on a server error that is not a redirect, or a timeout; a lost link is fine. */
    private static Void unsubscribeOutcome(String command, RespValue reply, Throwable failure) throws Throwable {
        if (failure instanceof RedisConnectionException) {
            return null;
        }
        if (failure != null) {
            throw failure;
        }
        if (reply.withoutAttributes() instanceof RespValue.Error error
                && Redirect.parse(error.message(), "").isEmpty()) {
            throw new RedisCommandException(command, error.message());
        }
        return null;
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
        if (!wanted.get(SubscriptionKind.CHANNEL).isEmpty()
                || !wanted.get(SubscriptionKind.PATTERN).isEmpty()) {
            if (classic == null
                    || (topology.nodeAt(classic.node()).isEmpty()
                            && !topology.nodes().isEmpty())) {
                moveClassic(classic == null ? null : classic.node());
            } else if (classicStale) {
                resubscribeClassic(classic);
            }
        }
        ShardPlacement plan = ShardPlacement.plan(wanted.get(SubscriptionKind.SHARD_CHANNEL), placed, topology);
        plan.subscribe()
                .forEach((owner, slots) -> slots.values()
                        .forEach(channels -> subscribeSlot(owner, channels, Set.of(), MAX_REDIRECTS)
                                .whenComplete((ok, failure) -> {
                                    if (failure != null) {
                                        log.debug(
                                                "Re-subscribing shard channels on {} failed; retrying", owner, failure);
                                        scheduleRetry();
                                    }
                                })));
        if (!plan.uncovered().isEmpty()) {
            env.refresh().get();
            scheduleRetry();
        }
        closeIdleLinks();
    }

    private void scheduleRetry() {
        if (retry == null && !closing) {
            try {
                retry = loop.schedule(this::reconcile, RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                retry = null;
            }
        }
    }

    private void closeIdleLinks() {
        Set<NodeAddress> used = Set.copyOf(placed.values());
        shardLinks.entrySet().removeIf(entry -> {
            if (used.contains(entry.getKey())) {
                return false;
            }
            closeLink(entry.getValue());
            return true;
        });
    }

    // ---- link events ----

    @Override
    public void pushed(SubscriberLink link, RespValue.Push push) {
        sink.pushed(push);
        if (push.kind().equals("sunsubscribe")
                && !push.data().isEmpty()
                && push.data().get(0).withoutAttributes() instanceof RespValue.Bulk bulk) {
            ChannelName channel = new ChannelName(bulk.bytes());
            onLoop(() -> shardDropped(link, channel));
        }
    }

    /** A node dropped a shard channel: by our request, or on its own because it lost the slot. */
    private void shardDropped(SubscriberLink link, ChannelName channel) {
        if (!wanted.get(SubscriptionKind.SHARD_CHANNEL).contains(channel) || !placed.remove(channel, link.node())) {
            return;
        }
        log.debug("{} dropped a shard channel (its slot moved); re-subscribing where the slot lives now", link.node());
        reconcile();
        env.refresh().get().whenComplete((ok, e) -> onLoop(this::reconcile));
    }

    @Override
    public void reconnected(SubscriberLink link) {
        onLoop(() -> {
            if (link == classic) {
                resubscribeClassic(link);
            } else if (shardLinks.get(link.node()) == link) {
                placed.values().removeIf(link.node()::equals);
                reconcile();
            }
        });
    }

    @Override
    public void troubled(SubscriberLink link, boolean attemptFailed) {
        onLoop(() -> {
            if (link == classic && attemptFailed) {
                moveClassic(link.node());
            }
            env.refresh().get().whenComplete((ok, e) -> onLoop(this::reconcile));
        });
    }

    // ---- plumbing ----

    private SubscriberLink newLink(NodeAddress node) {
        SubscriberLink link = new SubscriberLink(node, env, this);
        links.add(link);
        if (closing) {
            closeLink(link);
        }
        return link;
    }

    private CompletableFuture<Void> closeLink(SubscriberLink link) {
        return link.close().toCompletableFuture().whenComplete((ok, e) -> links.remove(link));
    }

    /** A step run on the loop once a link's reply (or failure) is in. */
    @FunctionalInterface
    private interface Outcome<T> {
        T apply(RespValue reply, Throwable failure) throws Throwable;
    }

    private <T> CompletionStage<T> onLoopAfter(CompletionStage<RespValue> sent, Outcome<T> outcome) {
        CompletableFuture<T> result = new CompletableFuture<>();
        sent.whenComplete((reply, failure) -> onLoop(
                () -> {
                    try {
                        result.complete(outcome.apply(reply, unwrap(failure)));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                () -> result.completeExceptionally(closedException())));
        return result;
    }

    private CompletionStage<Void> onLoopStage(java.util.function.Supplier<CompletionStage<Void>> step) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        onLoop(
                () -> {
                    if (closing) {
                        result.completeExceptionally(closedException());
                        return;
                    }
                    try {
                        step.get().whenComplete((ok, failure) -> {
                            if (failure == null) {
                                result.complete(null);
                            } else {
                                result.completeExceptionally(unwrap(failure));
                            }
                        });
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                },
                () -> result.completeExceptionally(closedException()));
        return result;
    }

    private void onLoop(Runnable task) {
        onLoop(task, () -> {});
    }

    private void onLoop(Runnable task, Runnable ifRejected) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            ifRejected.run();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static RedisException closedException() {
        return new RedisException("The subscriber is closed");
    }
}

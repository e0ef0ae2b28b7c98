package io.slotwise.netty.cluster;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.RedisConnectionException;
import io.slotwise.event.ClientEventListener;
import io.slotwise.routing.RefreshGate;
import io.slotwise.routing.TopologyConsensus;
import io.slotwise.routing.TopologyTally;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the client's topology: one {@link AtomicReference} that commands read once per dispatch, replaced by refreshes
 * and patched by {@code MOVED} redirects with compare-and-set.
 *
 * <p>A refresh asks up to {@value #VIEWS_WANTED} nodes for their view ({@link TopologyQuery}), in parallel, over the
 * client's ordinary connections (no connection is opened just for a refresh), and installs the view most of them agree
 * on ({@link TopologyConsensus}), so one stale node cannot mislead the client. It installs as soon as the answers in
 * decide ({@link TopologyTally}: two of three nodes agree), without waiting for a slow node; answers arriving later are
 * ignored. The nodes asked are the known primaries in random order, then the seeds, leaving out nodes whose connection
 * is down; a node that fails is replaced at once by the next candidate, and the primaries of the leading view complete
 * a refresh that got too few views to decide (again leaving out unreachable nodes). After a refresh, connections
 * to nodes that left the topology are closed (after a grace period of one command timeout).
 *
 * <p>Refreshes run periodically (a timer on one event loop) and when {@link #trigger()}ed by a MOVED, a lost or
 * refused connection, a command timeout, an uncovered slot or an unknown node; while a primary that owns slots is
 * unreachable, each refresh that ends triggers the next, until one gives its slots to another node. Commands waiting
 * on the connection of an unreachable node that no longer owns slots then fail as not sent, to be retried against the
 * new owner. A {@link RefreshGate}, updated by compare-and-set, lets one refresh
 * run at a time and start at most once per adaptive interval; a burst of triggers shares one refresh. The initial
 * discovery does not count towards the interval, so the first trigger after connecting refreshes at once.
 *
 * <p>Thread-safe.
 */
final class TopologyRefresher {

    /** How many views a refresh collects before choosing. */
    static final int VIEWS_WANTED = 3;

    private final AtomicReference<ClusterTopology> current = new AtomicReference<>(ClusterTopology.empty());
    private final AtomicReference<RefreshGate> gate;
    private final ConnectionRegistry registry;
    private final List<NodeAddress> seeds;
    private final ClientEventListener listener;
    private final EventLoop timerLoop;
    private final Duration period;
    private final Duration connectionGrace;
    private final AtomicReference<CompletableFuture<Void>> nextCompletion =
            new AtomicReference<>(new CompletableFuture<>());
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> periodicTask;
    private volatile ScheduledFuture<?> gatedTask;

    TopologyRefresher(
            ConnectionRegistry registry,
            List<NodeAddress> seeds,
            ClientEventListener listener,
            EventLoop timerLoop,
            Duration period,
            Duration adaptiveMinInterval,
            Duration connectionGrace) {
        this.registry = registry;
        this.seeds = List.copyOf(seeds);
        this.listener = listener;
        this.timerLoop = timerLoop;
        this.period = period;
        this.connectionGrace = connectionGrace;
        this.gate = new AtomicReference<>(RefreshGate.idle(adaptiveMinInterval.toNanos()));
    }

    /** The topology to route with now; read it once per dispatch. */
    ClusterTopology current() {
        return current.get();
    }

    /**
     * Discovers the cluster from the seeds and installs the result; call once, before anything else.
     *
     * @return completes with the topology, or fails with a {@link RedisConnectionException} naming every seed tried and
     *     why it failed
     */
    CompletionStage<ClusterTopology> discover() {
        long start = System.nanoTime();
        return refreshFrom(seeds).whenComplete((topology, failure) -> reportFailure(start, failure));
    }

    /** Starts the periodic refresh, if the period is not zero. */
    void startPeriodic() {
        if (!period.isZero()) {
            armPeriodic();
        }
    }

    /**
     * Patches one slot after a {@code MOVED}: the slot belongs to the primary at {@code target} from now on.
     *
     * @param slot the slot
     * @param target its new owner
     */
    void applyMoved(int slot, NodeAddress target) {
        while (true) {
            ClusterTopology before = current.get();
            ClusterTopology after = before.withSlotMovedTo(slot, target);
            if (after == before) {
                return;
            }
            if (current.compareAndSet(before, after)) {
                listener.topologyChanged(before, after);
                return;
            }
        }
    }

    /** Asks for a refresh: starts one now, schedules one, or joins the running or scheduled one. */
    void trigger() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        while (true) {
            RefreshGate before = gate.get();
            RefreshGate.Transition transition = before.trigger(now);
            if (transition.action() == RefreshGate.Action.NONE) {
                return;
            }
            if (gate.compareAndSet(before, transition.next())) {
                if (transition.action() == RefreshGate.Action.START) {
                    runRefresh();
                } else {
                    gatedTask = schedule(this::scheduledTimeReached, transition.delayNanos());
                }
                return;
            }
        }
    }

    /**
     * Waits for a refresh: the running one, or the one this call triggers (which may start up to one adaptive interval
     * later). Commands for a slot whose owner has stopped answering wait here rather than join the queue of a node
     * that may be failed over meanwhile.
     *
     * @return completes normally when a refresh has ended (successfully or not), or at once once the refresher is
     *     stopped; completes on the thread that ends the refresh
     */
    CompletionStage<Void> afterNextRefresh() {
        CompletableFuture<Void> waiter = nextCompletion.get();
        trigger();
        if (stopped) {
            waiter.complete(null);
        }
        return waiter;
    }

    /** Stops the timers; later triggers do nothing, and whoever waits for a refresh is released. */
    void stop() {
        stopped = true;
        cancel(periodicTask);
        cancel(gatedTask);
        nextCompletion.get().complete(null);
    }

    private void scheduledTimeReached() {
        long now = System.nanoTime();
        while (!stopped) {
            RefreshGate before = gate.get();
            RefreshGate.Transition transition = before.scheduledTimeReached(now);
            if (transition.action() != RefreshGate.Action.START) {
                return;
            }
            if (gate.compareAndSet(before, transition.next())) {
                runRefresh();
                return;
            }
        }
    }

    private void runRefresh() {
        long start = System.nanoTime();
        refreshFrom(candidates()).whenComplete((topology, failure) -> {
            reportFailure(start, failure);
            gate.updateAndGet(RefreshGate::completed);
            nextCompletion.getAndSet(new CompletableFuture<>()).complete(null);
            if (aSlotOwnerIsUnreachable()) {
                trigger();
            }
        });
    }

    /**
     * Whether a primary that owns slots is unreachable: until a refresh hands its slots to another node (a replica
     * promoted in its place), the client keeps refreshing, once per adaptive interval, independently of the
     * connection's reconnect backoff.
     */
    private boolean aSlotOwnerIsUnreachable() {
        for (NodeAddress owner : slotOwners(current.get())) {
            if (registry.isUnreachable(owner)) {
                return true;
            }
        }
        return false;
    }

    private static List<NodeAddress> slotOwners(ClusterTopology topology) {
        List<NodeAddress> owners = new ArrayList<>();
        for (Shard shard : topology.shards()) {
            if (shard.slotCount() > 0) {
                owners.add(shard.primary().address());
            }
        }
        return owners;
    }

    private void armPeriodic() {
        periodicTask = schedule(
                () -> {
                    trigger();
                    if (!stopped) {
                        armPeriodic();
                    }
                },
                period.toNanos());
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        if (stopped) {
            return null;
        }
        try {
            return timerLoop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * Known primaries in random order, then the seeds; nodes whose connection is down are left out (a query to them
     * would wait for a reconnect), unless no other node is left.
     */
    private List<NodeAddress> candidates() {
        List<NodeAddress> primaries = new ArrayList<>();
        for (Shard shard : current.get().shards()) {
            primaries.add(shard.primary().address());
        }
        Collections.shuffle(primaries);
        Set<NodeAddress> ordered = new LinkedHashSet<>(primaries);
        ordered.addAll(seeds);
        List<NodeAddress> reachable = new ArrayList<>();
        for (NodeAddress node : ordered) {
            if (!registry.isUnreachable(node)) {
                reachable.add(node);
            }
        }
        return reachable.isEmpty() ? List.copyOf(ordered) : reachable;
    }

    private void reportFailure(long start, Throwable failure) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (failure != null) {
            listener.topologyRefreshFailed(took, failure);
        }
    }

    /**
     * Collects views from the candidates until they decide, completes them from the leading view's primaries if the
     * candidates gave too few, then installs the chosen view.
     */
    private CompletionStage<ClusterTopology> refreshFrom(List<NodeAddress> candidates) {
        long start = System.nanoTime();
        TopologyViews collection = new TopologyViews(registry);
        return collection
                .gather(candidates)
                .thenCompose(ignored -> {
                    if (collection.isDecided() || collection.size() == 0) {
                        return CompletableFuture.completedFuture(null);
                    }
                    ClusterTopology leading = collection.chosen().orElseThrow();
                    List<NodeAddress> more = new ArrayList<>();
                    for (ClusterNode node : leading.nodes()) {
                        // An unreachable node's query would wait for its reconnect backoff.
                        if (node.role() == ClusterNode.Role.PRIMARY && !registry.isUnreachable(node.address())) {
                            more.add(node.address());
                        }
                    }
                    return collection.gather(more);
                })
                .thenApply(ignored -> {
                    ClusterTopology chosen = collection
                            .chosen()
                            .orElseThrow(() -> new RedisConnectionException(
                                    "Could not get the cluster topology: no node answered CLUSTER SHARDS or CLUSTER"
                                            + " SLOTS with a usable view. Tried " + collection.failures(),
                                    null,
                                    false));
                    install(chosen);
                    listener.topologyRefreshed(Duration.ofNanos(System.nanoTime() - start), collection.size());
                    return chosen;
                });
    }

    private void install(ClusterTopology fresh) {
        ClusterTopology previous = current.getAndSet(fresh);
        if (!previous.equals(fresh)) {
            listener.topologyChanged(previous, fresh);
        }
        List<NodeAddress> keep = new ArrayList<>();
        for (ClusterNode node : fresh.nodes()) {
            keep.add(node.address());
        }
        registry.retainOnly(keep, connectionGrace);
        registry.abandonWaitingOffSlotOwners(slotOwners(fresh));
    }
}

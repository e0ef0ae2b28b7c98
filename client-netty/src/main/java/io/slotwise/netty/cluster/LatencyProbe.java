package io.slotwise.netty.cluster;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Measures every node's round trip for {@link io.slotwise.ReadFrom#NEAREST}: right after discovery and then once per
 * interval, a {@code PING} on each reachable node's ordinary connection (so the time includes the queue a read would
 * wait in), recorded in {@link NodeLatencies}. Nodes that left the topology are forgotten; unreachable ones are not
 * probed (a probe would wait for their reconnect). A failed probe records nothing. Runs its timer on one event loop;
 * {@link #stop()} ends it. Thread-safe.
 */
final class LatencyProbe {

    private static final RawCommand PING = RawCommand.of("PING");

    private final NodeLatencies latencies;
    private final ConnectionRegistry registry;
    private final Supplier<ClusterTopology> topology;
    private final EventLoop timerLoop;
    private final Duration interval;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;

    LatencyProbe(
            NodeLatencies latencies,
            ConnectionRegistry registry,
            Supplier<ClusterTopology> topology,
            EventLoop timerLoop,
            Duration interval) {
        this.latencies = latencies;
        this.registry = registry;
        this.topology = topology;
        this.timerLoop = timerLoop;
        this.interval = interval;
    }

    /** Probes now, then once per interval until {@link #stop()}. */
    void start() {
        probeAndRearm();
    }

    /** Stops probing; probes in flight still record their result. */
    void stop() {
        stopped = true;
        ScheduledFuture<?> task = next;
        if (task != null) {
            task.cancel(false);
        }
    }

    private void probeAndRearm() {
        if (stopped) {
            return;
        }
        probeOnce();
        try {
            next = timerLoop.schedule(this::probeAndRearm, interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true;
        }
    }

    /** Sends one PING to every reachable node of the current topology. */
    void probeOnce() {
        ClusterTopology current = topology.get();
        List<NodeAddress> nodes = new ArrayList<>();
        for (ClusterNode node : current.nodes()) {
            nodes.add(node.address());
        }
        latencies.retainOnly(nodes);
        for (NodeAddress node : nodes) {
            if (registry.isUnreachable(node)) {
                continue;
            }
            long start = System.nanoTime();
            try {
                registry.get(node).send(PING).whenComplete((reply, failure) -> {
                    if (failure == null && !(reply instanceof RespValue.Error)) {
                        latencies.record(node, System.nanoTime() - start);
                        registry.recordResponsiveness(node, true);
                    }
                });
            } catch (RuntimeException e) {
                // The registry is closing: nothing to measure.
                return;
            }
        }
    }
}

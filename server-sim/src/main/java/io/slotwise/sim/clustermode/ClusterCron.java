package io.slotwise.sim.clustermode;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster timer of a node without a cluster bus ({@link ClusterModeModule#withoutBus()}): every
 * {@value #PERIOD_MILLIS} ms it applies configuration changes, re-evaluates {@code cluster_state} (so the start-up
 * writable delay and rejoin delay run out) and does the pending follow-up work. A node with a bus does this in the
 * bus's cron instead ({@link ClusterBusEvents#onCronTick}).
 *
 * <p>Started and stopped on any thread; ticks run on the node's event loop.
 */
final class ClusterCron {
    /** The tick period: Redis's {@code clusterCron} runs 10 times a second. */
    static final long PERIOD_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ClusterCron.class);

    private final ClusterNodeContext cluster;
    private final EventLoop loop;
    private ScheduledFuture<?> task;

    ClusterCron(ClusterNodeContext cluster, EventLoop loop) {
        this.cluster = cluster;
        this.loop = loop;
    }

    /** Starts ticking; does nothing if already started. */
    synchronized void start() {
        if (task == null) {
            task = loop.scheduleAtFixedRate(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops ticking; idempotent. */
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** One tick; never throws, so that the schedule survives a failure. */
    void tick() {
        try {
            cluster.syncSettings();
            cluster.state().updateState();
            cluster.flushPendingActions();
        } catch (RuntimeException e) {
            LOG.error("Cluster cron tick failed", e);
        }
    }
}

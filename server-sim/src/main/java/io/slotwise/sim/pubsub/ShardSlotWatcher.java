package io.slotwise.sim.pubsub;

import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.command.NodeServices;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In cluster mode, notices when this node's shard stops serving slots (CLUSTER SETSLOT ... NODE, DELSLOTS, a newer
 * owner learned over the bus, a reset) and drops the shard channels of those slots from its subscribers with an
 * {@code sunsubscribe} frame, as Redis 7.0 does when it deletes a slot of its shard. The shard's slots are those of
 * this node if it is a master, else of its master; they are compared every 100 ms (Redis's cluster cron period), so
 * the frames follow a change within that time, and before every SSUBSCRIBE, so that a slot served at the subscription
 * counts as served even if it is lost before the next period.
 *
 * <p>Threading: started, run and stopped on the node's event loop.
 */
final class ShardSlotWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ShardSlotWatcher.class);
    static final long PERIOD_MILLIS = 100;

    private final NodeServices node;
    private final PubSubHub hub;
    private BitSet served;
    private ScheduledFuture<?> timer;

    ShardSlotWatcher(NodeServices node, PubSubHub hub) {
        this.node = node;
        this.hub = hub;
    }

    /** Takes the first picture of the served slots and starts comparing; call once the cluster state exists. */
    void start() {
        check();
        timer = node.eventLoop()
                .scheduleAtFixedRate(this::checkGuarded, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops comparing. */
    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void checkGuarded() {
        try {
            check();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again: log and keep watching.
            LOG.warn("Checking the slots of the node's shard for Pub/Sub failed", e);
        }
    }

    /** Compares the served slots with the last picture and drops the shard channels of slots no longer served. */
    void check() {
        ClusterState state = node.service(ClusterState.class).orElse(null);
        if (state == null) {
            return;
        }
        ClusterNode myself = state.myself();
        BitSet now = state.masterOf(myself).orElse(myself).slots();
        if (served != null) {
            BitSet lost = (BitSet) served.clone();
            lost.andNot(now);
            if (!lost.isEmpty()) {
                LOG.debug("The shard stopped serving slots {}: dropping their shard channels", lost);
                hub.dropShardChannelsIn(lost);
            }
        }
        served = now;
    }
}

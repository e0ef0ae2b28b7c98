package io.slotwise.sim.clustermode;

import io.slotwise.sim.bus.BusHeader;
import io.slotwise.sim.bus.MessageFlag;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.command.CommandDispatcher;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a manual failover (CLUSTER FAILOVER), on both sides, as Redis 7.0 keeps it ({@code mf_end}, {@code
 * mf_can_start}, {@code mf_slave}, {@code mf_master_offset}):
 * <ul>
 *   <li>the replica {@linkplain #startOnReplica starts} it: it ends {@value #TIMEOUT_MILLIS} ms later unless the
 *       failover happens first; by default it asks its master to pause (MFSTART), records the offset the paused master
 *       announces in its first PING with the {@link MessageFlag#PAUSED} flag, and may start its election once its own
 *       offset has reached it; FORCE may start at once;
 *   <li>the master {@linkplain #onStartRequest pauses} its clients' writes for twice the timeout, pings the replica
 *       every cron tick and sets {@link MessageFlag#PAUSED} in every header until the failover ends (it times out, or
 *       the master turns into a replica of the winner).
 * </ul>
 * Confined to the node's event loop.
 */
final class ManualFailover {
    /** Redis's {@code CLUSTER_MF_TIMEOUT}. */
    static final long TIMEOUT_MILLIS = 5_000;

    /** Redis's {@code CLUSTER_MF_PAUSE_MULT}: the master's pause lasts twice the timeout. */
    private static final long PAUSE_MULTIPLIER = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ManualFailover.class);

    private final ClusterNodeContext cluster;
    private long endMillis;
    private boolean canStart;
    private String pausedForReplica;
    private long masterOffset = -1;

    ManualFailover(ClusterNodeContext cluster) {
        this.cluster = cluster;
    }

    /** Whether a manual failover is in progress ({@code mf_end != 0}). */
    boolean inProgress() {
        return endMillis != 0;
    }

    /** Whether the replica may start its election now ({@code mf_end && mf_can_start}). */
    boolean canStart() {
        return endMillis != 0 && canStart;
    }

    /** Ends any manual failover: a paused master resumes its clients. */
    void reset() {
        if (pausedForReplica != null) {
            cluster.node().service(CommandDispatcher.class).ifPresent(CommandDispatcher::unpauseClients);
        }
        endMillis = 0;
        canStart = false;
        pausedForReplica = null;
        masterOffset = -1;
    }

    /**
     * Starts a manual failover on a replica.
     *
     * @param nowMillis the time
     * @param force whether to skip the master's pause and start the election at once
     */
    void startOnReplica(long nowMillis, boolean force) {
        reset();
        endMillis = nowMillis + TIMEOUT_MILLIS;
        if (force) {
            canStart = true;
        }
    }

    /**
     * The master side: one of my replicas sent MFSTART.
     *
     * @param replica the replica
     * @param nowMillis the time
     */
    void onStartRequest(ClusterNode replica, long nowMillis) {
        reset();
        endMillis = nowMillis + TIMEOUT_MILLIS;
        pausedForReplica = replica.id();
        cluster.node()
                .service(CommandDispatcher.class)
                .ifPresent(dispatcher -> dispatcher.pauseWrites(TIMEOUT_MILLIS * PAUSE_MULTIPLIER));
        LOG.warn("Manual failover requested by replica {}.", replica.id());
        cluster.bus().ifPresent(bus -> bus.ping(replica));
    }

    /**
     * The replica side: a PING or PONG arrived; the first one of my master with the PAUSED flag gives the offset to
     * reach.
     *
     * @param sender the sender
     * @param header its header
     */
    void onHeartbeat(ClusterNode sender, BusHeader header) {
        ClusterNode myself = cluster.state().myself();
        if (endMillis != 0
                && myself.isReplica()
                && sender.id().equals(myself.masterId())
                && header.messageFlags().contains(MessageFlag.PAUSED)
                && masterOffset == -1) {
            masterOffset = header.replicationOffset();
            LOG.warn("Received replication offset for paused master manual failover: {}", masterOffset);
            checkOffsetReached();
        }
    }

    /**
     * The cron's part: time out, keep pinging the replica while paused (master), or check whether the replica has
     * processed everything the paused master sent.
     *
     * @param nowMillis the time
     */
    void tick(long nowMillis) {
        if (endMillis == 0) {
            return;
        }
        ClusterState state = cluster.state();
        if (endMillis < nowMillis) {
            LOG.warn("Manual failover timed out.");
            reset();
            return;
        }
        if (pausedForReplica != null && !state.myself().isMaster()) {
            reset();
            return;
        }
        if (pausedForReplica != null) {
            state.findNode(pausedForReplica).ifPresent(replica -> cluster.bus().ifPresent(bus -> bus.ping(replica)));
        } else if (state.myself().isReplica()) {
            checkOffsetReached();
        }
    }

    private void checkOffsetReached() {
        if (canStart || masterOffset == -1) {
            return;
        }
        if (cluster.state().myself().replicationOffset() >= masterOffset) {
            canStart = true;
            LOG.warn("All master replication stream processed, manual failover can start.");
        }
    }

    /** The message flags my headers carry: PAUSED while I am a master paused for a manual failover. */
    Set<MessageFlag> headerFlags() {
        return endMillis != 0 && cluster.state().myself().isMaster() ? Set.of(MessageFlag.PAUSED) : Set.of();
    }
}

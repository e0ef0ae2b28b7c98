package io.slotwise.sim.clustermode;

import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.bus.BusHeader;
import io.slotwise.sim.bus.MessageFlag;
import io.slotwise.sim.cluster.ClusterHealth;
import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.MasterTakeover;
import io.slotwise.sim.cluster.NodeFlag;
import io.slotwise.sim.cluster.PendingAction;
import io.slotwise.sim.replication.ReplicationControl;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's side of a failover election, as Redis 7.0's {@code clusterHandleSlaveFailover}, run every cron tick and
 * whenever a vote arrives. Preconditions: myself is a replica of a known master that serves slots, and that master is
 * FAIL (automatic failover, unless {@code cluster-replica-no-failover yes}) or a manual failover may start. Then:
 * <ol>
 *   <li>an automatic failover needs fresh enough data: at most {@code 10 s + node-timeout x
 *       cluster-replica-validity-factor} (0 = no limit) without contact with the master, beyond the node timeout;
 *   <li>when the last attempt is older than the retry time ({@code 2 x max(2 x node-timeout, 2000)} ms), a new one is
 *       scheduled {@code 500 + random(0..499) + rank x 1000} ms later (rank: how many sibling replicas that may fail
 *       over have a greater replication offset; 0 and no delay for a manual failover) and a PONG spreads my offset;
 *   <li>a rank that got worse before the request adds 1000 ms per step;
 *   <li>at the scheduled time, unless the attempt is older than {@code max(2 x node-timeout, 2000)} ms: {@code
 *       currentEpoch++} and FAILOVER_AUTH_REQUEST to every node (with FORCE_ACK for a manual failover);
 *   <li>votes count from masters serving slots whose current epoch is at least the election's; with {@code size / 2 +
 *       1} of them (size: masters serving slots) myself takes the election epoch as config epoch and replaces its
 *       master ({@link MasterTakeover}).
 * </ol>
 * Confined to the node's event loop.
 */
final class ReplicaElection {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaElection.class);

    /** Redis's {@code repl-ping-replica-period}, in ms: part of the allowed data age. */
    private static final long REPLICA_PING_PERIOD_MILLIS = 10_000;

    private final ClusterNodeContext cluster;
    private final ManualFailover manual;
    private long authTime;
    private int authCount;
    private boolean authSent;
    private int authRank;
    private long authEpoch;
    private String cantFailoverReason = "";

    ReplicaElection(ClusterNodeContext cluster, ManualFailover manual) {
        this.cluster = cluster;
        this.manual = manual;
    }

    /** Returns the epoch of the last election this node started, 0 if none. */
    long electionEpoch() {
        return authEpoch;
    }

    /**
     * Advances the election.
     *
     * @param now the time
     */
    void handle(long now) {
        ClusterState state = cluster.state();
        ClusterNode myself = state.myself();
        ClusterNode master = state.masterOf(myself).orElse(null);
        SimNodeConfig config = cluster.node().config();
        boolean manualFailover = manual.canStart();
        if (master == null
                || (!master.isFailed() && !manualFailover)
                || (config.clusterReplicaNoFailover() && !manualFailover)
                || master.slotCount() == 0) {
            cantFailoverReason = "";
            return;
        }
        long nodeTimeout = state.config().nodeTimeoutMillis();
        long authTimeout = Math.max(nodeTimeout * 2, 2_000);
        long authRetryTime = authTimeout * 2;
        long authAge = now - authTime;
        if (!manualFailover && dataTooOld(nodeTimeout, config.clusterReplicaValidityFactor())) {
            cantFailover(
                    "Disconnected from master for longer than allowed. Please check the"
                            + " 'cluster-replica-validity-factor' configuration option.",
                    master,
                    now);
            return;
        }
        if (authAge > authRetryTime) {
            schedule(now, state);
            return;
        }
        if (!authSent && !manual.inProgress()) {
            int rank = rank(state);
            if (rank > authRank) {
                long added = (rank - authRank) * 1000L;
                authTime += added;
                authRank = rank;
                LOG.info("Replica rank updated to #{}, added {} milliseconds of delay.", rank, added);
            }
        }
        if (now < authTime) {
            cantFailover("Waiting the delay before I can start a new failover.", master, now);
            return;
        }
        if (authAge > authTimeout) {
            cantFailover("Failover attempt expired.", master, now);
            return;
        }
        if (!authSent) {
            requestVotes(state);
            return;
        }
        if (authCount >= ClusterHealth.size(state) / 2 + 1) {
            win(state);
        } else {
            cantFailover("Waiting for votes, but majority still not reached.", master, now);
        }
    }

    /**
     * A master granted its vote: counted if it serves slots and its current epoch is at least the election's.
     *
     * @param sender the voter
     * @param header its header
     * @return whether the vote counted
     */
    boolean onVote(ClusterNode sender, BusHeader header) {
        if (sender.isMaster() && sender.slotCount() > 0 && header.currentEpoch() >= authEpoch && authEpoch != 0) {
            authCount++;
            return true;
        }
        return false;
    }

    private boolean dataTooOld(long nodeTimeout, long validityFactor) {
        long age = cluster.node()
                .service(ReplicationControl.class)
                .map(ReplicationControl::millisSinceMasterContact)
                .orElse(0L);
        if (age > nodeTimeout) {
            age -= nodeTimeout;
        }
        return validityFactor != 0 && age > REPLICA_PING_PERIOD_MILLIS + nodeTimeout * validityFactor;
    }

    private void schedule(long now, ClusterState state) {
        authTime = now + 500 + state.environment().random().nextInt(500);
        authCount = 0;
        authSent = false;
        authRank = rank(state);
        authTime += authRank * 1000L;
        if (manual.inProgress()) {
            authTime = now;
            authRank = 0;
        }
        LOG.info(
                "Start of election delayed for {} milliseconds (rank #{}, offset {}).",
                authTime - now,
                authRank,
                state.myself().replicationOffset());
        state.request(PendingAction.BROADCAST_PONG);
        if (manual.inProgress()) {
            handle(now);
        }
    }

    private void requestVotes(ClusterState state) {
        state.setCurrentEpoch(state.currentEpoch() + 1);
        authEpoch = state.currentEpoch();
        LOG.info("Starting a failover election for epoch {}.", authEpoch);
        Set<MessageFlag> flags = manual.inProgress() ? Set.of(MessageFlag.FORCE_ACK) : Set.of();
        cluster.bus().ifPresent(bus -> bus.broadcastControl(ClusterMessageType.FAILOVER_AUTH_REQUEST, flags));
        authSent = true;
        state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
        state.updateState();
    }

    private void win(ClusterState state) {
        ClusterNode myself = state.myself();
        LOG.info("Failover election won: I'm the new master.");
        if (myself.configEpoch() < authEpoch) {
            myself.setConfigEpoch(authEpoch);
            LOG.info("configEpoch set to {} after successful failover", authEpoch);
        }
        MasterTakeover.replaceMyMaster(state);
        manual.reset();
    }

    /** Redis's {@code clusterGetSlaveRank}: sibling replicas that may fail over and have a greater offset. */
    private static int rank(ClusterState state) {
        ClusterNode myself = state.myself();
        ClusterNode master = state.masterOf(myself).orElse(null);
        if (master == null) {
            return 0;
        }
        int rank = 0;
        for (ClusterNode sibling : state.replicasOf(master)) {
            if (sibling != myself
                    && !sibling.hasFlag(NodeFlag.NOFAILOVER)
                    && sibling.replicationOffset() > myself.replicationOffset()) {
                rank++;
            }
        }
        return rank;
    }

    /**
     * Logs why the failover cannot proceed, once per reason, and only once the master has been failing for longer than
     * the node timeout plus 5 s (Redis logs only stalled replicas).
     */
    private void cantFailover(String reason, ClusterNode master, long now) {
        if (reason.equals(cantFailoverReason)) {
            return;
        }
        cantFailoverReason = reason;
        long quietMillis = cluster.state().config().nodeTimeoutMillis() + 5_000;
        if (master.isFailed() && now - master.failTimeMillis() < quietMillis) {
            return;
        }
        LOG.info("Currently unable to failover: {}", reason);
    }
}

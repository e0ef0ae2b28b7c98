package io.slotwise.sim.clustermode;

import io.slotwise.sim.bus.BusHeader;
import io.slotwise.sim.bus.MessageFlag;
import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterNode;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.EpochCommands;
import io.slotwise.sim.cluster.FailoverVoter;
import io.slotwise.sim.cluster.MasterTakeover;
import io.slotwise.sim.cluster.NodeFlag;
import io.slotwise.sim.cluster.PendingAction;
import io.slotwise.sim.cluster.ReplicaMigration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis 7.0's failover for one node, driven by its cluster bus: votes as a master ({@link FailoverVoter}), elections as
 * a replica ({@link ReplicaElection}), manual failovers on both sides ({@link ManualFailover}) and CLUSTER FAILOVER
 * [FORCE|TAKEOVER]. It also keeps myself's {@code nofailover} flag in step with {@code cluster-replica-no-failover},
 * and after each election step lets a replica migrate to an orphaned master ({@link ReplicaMigration}), as Redis's
 * cron does.
 *
 * <p>Confined to the node's event loop; the bus calls it from its packet processing and its 100 ms cron.
 */
final class FailoverCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverCoordinator.class);

    /** How CLUSTER FAILOVER was asked. */
    enum Mode {
        /** With the master's agreement: it pauses, the replica catches up, then an election. */
        DEFAULT,
        /** Without the master: an election at once. */
        FORCE,
        /** Without an election: take the slots with a new config epoch. */
        TAKEOVER
    }

    private final ClusterNodeContext cluster;
    private final FailoverVoter voter = new FailoverVoter();
    private final ManualFailover manual;
    private final ReplicaElection election;

    FailoverCoordinator(ClusterNodeContext cluster) {
        this.cluster = cluster;
        this.manual = new ManualFailover(cluster);
        this.election = new ReplicaElection(cluster, manual);
    }

    /**
     * CLUSTER FAILOVER on a replica of a known master, after the command's checks: replies are sent by the caller
     * at once, the failover proceeds asynchronously.
     *
     * @param mode the mode
     */
    void requestFailover(Mode mode) {
        ClusterState state = cluster.state();
        long now = state.environment().nowMillis();
        manual.startOnReplica(now, mode == Mode.FORCE);
        switch (mode) {
            case TAKEOVER -> {
                LOG.warn("Taking over the master (user request).");
                if (EpochCommands.bumpWithoutConsensus(state)) {
                    LOG.info("New configEpoch set to {}", state.myself().configEpoch());
                }
                MasterTakeover.replaceMyMaster(state);
                manual.reset();
            }
            case FORCE -> LOG.warn("Forced failover user request accepted.");
            case DEFAULT -> {
                LOG.warn("Manual failover user request accepted.");
                ClusterNode master = state.masterOf(state.myself()).orElseThrow();
                cluster.bus().ifPresent(bus -> bus.sendControl(master, ClusterMessageType.MFSTART, Set.of()));
            }
        }
    }

    /** A node asks for my vote. */
    void onAuthRequest(ClusterNode sender, BusHeader header) {
        ClusterState state = cluster.state();
        FailoverVoter.Vote vote = voter.decide(
                state,
                sender,
                header.currentEpoch(),
                header.configEpoch(),
                header.slots(),
                header.messageFlags().contains(MessageFlag.FORCE_ACK));
        if (vote.granted()) {
            cluster.bus().ifPresent(bus -> bus.sendControl(sender, ClusterMessageType.FAILOVER_AUTH_ACK, Set.of()));
            LOG.info("Failover auth granted to {} () for epoch {}", sender.id(), state.currentEpoch());
        } else if (state.myself().isMaster() && state.myself().slotCount() > 0) {
            LOG.info("Failover auth denied to {} (): {}", sender.id(), vote.reason());
        }
    }

    /** A node granted me its vote: count it and advance the election at once. */
    void onAuthAck(ClusterNode sender, BusHeader header) {
        if (election.onVote(sender, header) && cluster.state().myself().isReplica()) {
            election.handle(cluster.state().environment().nowMillis());
        }
    }

    /** One of my replicas asks me to pause for a manual failover. */
    void onManualFailoverStart(ClusterNode sender) {
        if (cluster.state().myself().isMaster()) {
            manual.onStartRequest(sender, cluster.state().environment().nowMillis());
        }
    }

    /** A PING or PONG from a known node was processed. */
    void onHeartbeat(ClusterNode sender, BusHeader header) {
        manual.onHeartbeat(sender, header);
        if (manual.canStart() && cluster.state().myself().isReplica()) {
            election.handle(cluster.state().environment().nowMillis());
        }
    }

    /** The message flags of my headers. */
    Set<MessageFlag> headerFlags() {
        return manual.headerFlags();
    }

    /** Myself changed role or master: a manual failover in progress ends (a paused master resumes). */
    void onRoleChanged() {
        if (manual.inProgress()) {
            manual.reset();
        }
    }

    /** The cron's part, every 100 ms. */
    void tick(long now) {
        ClusterState state = cluster.state();
        syncNoFailoverFlag(state);
        manual.tick(now);
        if (state.myself().isReplica()) {
            election.handle(now);
        }
        if (state.myself().isReplica()) {
            ReplicaMigration.Decision decision = cluster.replicaMigration().evaluate(state, now);
            if (decision.verdict() == ReplicaMigration.Verdict.MIGRATE) {
                LOG.info("Migrating to orphaned master {}", decision.target().id());
            }
        }
    }

    private void syncNoFailoverFlag(ClusterState state) {
        ClusterNode myself = state.myself();
        boolean wanted = cluster.node().config().clusterReplicaNoFailover();
        if (wanted != myself.hasFlag(NodeFlag.NOFAILOVER)) {
            if (wanted) {
                myself.addFlag(NodeFlag.NOFAILOVER, 0);
            } else {
                myself.removeFlag(NodeFlag.NOFAILOVER);
            }
            state.request(PendingAction.SAVE_CONFIG);
        }
    }
}

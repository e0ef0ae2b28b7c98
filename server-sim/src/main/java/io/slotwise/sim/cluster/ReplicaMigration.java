package io.slotwise.sim.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A replica's decision to migrate to an orphaned master, as Redis 7.0's cron and {@code clusterHandleSlaveMigration}.
 * An <em>orphaned</em> master is a master, not FAIL, that serves slots, is a {@linkplain
 * ClusterState#isMigrationTarget migration target} and has no replica that is not FAIL. Evaluated by a replica every
 * cron tick, in this order (the first failing step is the {@link Verdict}):
 * <ol>
 *   <li>some orphaned master exists ({@link Verdict#NO_ORPHANED_MASTER});
 *   <li>the most working (not FAIL) replicas any master has is at least 2, and my master has that many
 *       ({@link Verdict#NOT_IN_A_LARGEST_SHARD});
 *   <li>{@code cluster-allow-replica-migration yes} ({@link Verdict#DISABLED});
 *   <li>{@code cluster_state:ok} ({@link Verdict#CLUSTER_DOWN});
 *   <li>my master has more than {@code cluster-migration-barrier} replicas that are neither FAIL nor PFAIL, counting
 *       me, so it keeps at least the barrier after I leave ({@link Verdict#BARRIER});
 *   <li>among the replicas (working or not) of every master with that largest number of working replicas, I have the
 *       smallest node ID ({@link Verdict#NOT_THE_CANDIDATE});
 *   <li>the target, the first orphaned master in node order, has been orphaned for longer than the configured delay
 *       ({@link ClusterConfig#replicaMigrationDelayMillis()}, Redis's 5000 ms), measured from the first evaluation that
 *       reached this step and saw it orphaned ({@link Verdict#WAITING}). Only such evaluations reset that time, so a
 *       master that had a working replica again while no master was orphaned keeps its old time, as in Redis.
 * </ol>
 * Then myself becomes a replica of the target ({@link Verdict#MIGRATE}), as CLUSTER REPLICATE would make it.
 *
 * <p>Not thread-safe: confine an instance to the node's event loop, next to its {@link ClusterState}.
 */
public final class ReplicaMigration {

    /** Why a replica does or does not migrate, in the order of the checks. */
    public enum Verdict {
        /** Myself is a master, or a replica whose master is unknown. */
        NOT_A_REPLICA,
        /** No master is orphaned. */
        NO_ORPHANED_MASTER,
        /** No master has two working replicas, or mine has fewer than the master with the most. */
        NOT_IN_A_LARGEST_SHARD,
        /** {@code cluster-allow-replica-migration no}. */
        DISABLED,
        /** {@code cluster_state} is fail. */
        CLUSTER_DOWN,
        /** My master would keep fewer than {@code cluster-migration-barrier} working replicas. */
        BARRIER,
        /** Another replica with a smaller node ID is the one to migrate. */
        NOT_THE_CANDIDATE,
        /** The orphaned master has not been orphaned long enough yet. */
        WAITING,
        /** Myself migrated to the target. */
        MIGRATE
    }

    /**
     * The outcome of one evaluation.
     *
     * @param verdict what was decided, never {@code null}
     * @param target the orphaned master myself migrated to, for {@link Verdict#MIGRATE} and {@link Verdict#WAITING};
     *     {@code null} otherwise
     */
    public record Decision(Verdict verdict, ClusterNode target) {
        /**
         * Validates the decision.
         *
         * @throws NullPointerException if {@code verdict} is {@code null}
         */
        public Decision {
            Objects.requireNonNull(verdict, "verdict");
        }

        private static Decision of(Verdict verdict) {
            return new Decision(verdict, null);
        }
    }

    /** Redis's {@code orphaned_time}, per node ID: when an evaluation first saw the node orphaned. */
    private final Map<String, Long> orphanedSince = new HashMap<>();

    private Decision lastDecision = Decision.of(Verdict.NOT_A_REPLICA);

    /** A replica that has not evaluated anything yet. */
    public ReplicaMigration() {}

    /**
     * Returns the outcome of the last {@link #evaluate} ({@link Verdict#NOT_A_REPLICA} before the first).
     *
     * @return the decision, never {@code null}
     */
    public Decision lastDecision() {
        return lastDecision;
    }

    /**
     * Evaluates the rules and, for {@link Verdict#MIGRATE}, makes myself a replica of the target (requesting a
     * nodes.conf save and the replication change).
     *
     * @param state the node's state, never {@code null}
     * @param nowMillis the current time
     * @return the decision, never {@code null}
     */
    public Decision evaluate(ClusterState state, long nowMillis) {
        lastDecision = decide(state, nowMillis);
        return lastDecision;
    }

    private Decision decide(ClusterState state, long nowMillis) {
        ClusterNode myself = state.myself();
        ClusterNode myMaster = state.masterOf(myself).orElse(null);
        if (!myself.isReplica() || myMaster == null) {
            return Decision.of(Verdict.NOT_A_REPLICA);
        }
        int orphaned = 0;
        int maxWorking = 0;
        int mine = 0;
        for (ClusterNode node : state.nodes()) {
            if (node.isMyself() || node.hasFlag(NodeFlag.NOADDR) || node.inHandshake()) {
                continue;
            }
            if (node.isMaster() && !node.isFailed()) {
                int working = workingReplicas(state, node);
                if (working == 0 && node.slotCount() > 0 && state.isMigrationTarget(node)) {
                    orphaned++;
                }
                maxWorking = Math.max(maxWorking, working);
                if (node == myMaster) {
                    mine = working;
                }
            }
        }
        if (orphaned == 0) {
            return Decision.of(Verdict.NO_ORPHANED_MASTER);
        }
        if (maxWorking < 2 || mine != maxWorking) {
            return Decision.of(Verdict.NOT_IN_A_LARGEST_SHARD);
        }
        if (!state.config().allowReplicaMigration()) {
            return Decision.of(Verdict.DISABLED);
        }
        return handle(state, myMaster, maxWorking, nowMillis);
    }

    private Decision handle(ClusterState state, ClusterNode myMaster, int maxWorking, long nowMillis) {
        if (!state.isOk()) {
            return Decision.of(Verdict.CLUSTER_DOWN);
        }
        int healthy = 0;
        for (ClusterNode replica : state.replicasOf(myMaster)) {
            if (!replica.isFailed() && !replica.hasFlag(NodeFlag.PFAIL)) {
                healthy++;
            }
        }
        if (healthy <= state.config().migrationBarrier()) {
            return Decision.of(Verdict.BARRIER);
        }
        ClusterNode myself = state.myself();
        ClusterNode target = null;
        ClusterNode candidate = myself;
        for (ClusterNode node : state.nodes()) {
            int working = node.isMaster() ? workingReplicas(state, node) : 0;
            boolean isOrphaned = node.isMaster() && !node.isFailed() && state.isMigrationTarget(node) && working == 0;
            if (isOrphaned) {
                if (target == null && node.slotCount() > 0) {
                    target = node;
                }
                orphanedSince.putIfAbsent(node.id(), nowMillis);
            } else {
                orphanedSince.remove(node.id());
            }
            if (working == maxWorking) {
                for (ClusterNode replica : state.replicasOf(node)) {
                    if (replica.id().compareTo(candidate.id()) < 0) {
                        candidate = replica;
                    }
                }
            }
        }
        orphanedSince.keySet().removeIf(id -> state.findNode(id).isEmpty());
        if (target == null) {
            return Decision.of(Verdict.NO_ORPHANED_MASTER);
        }
        if (candidate != myself) {
            return Decision.of(Verdict.NOT_THE_CANDIDATE);
        }
        if (nowMillis - orphanedSince.get(target.id()) <= state.config().replicaMigrationDelayMillis()) {
            return new Decision(Verdict.WAITING, target);
        }
        state.replicateMyselfFrom(target);
        state.request(PendingAction.SAVE_CONFIG);
        state.updateState();
        return new Decision(Verdict.MIGRATE, target);
    }

    /**
     * Returns since when an evaluation has seen a node orphaned.
     *
     * @param node a node, never {@code null}
     * @return the time in milliseconds, or empty when the last evaluation that got that far did not see it orphaned
     */
    public Optional<Long> orphanedSince(ClusterNode node) {
        return Optional.ofNullable(orphanedSince.get(node.id()));
    }

    private static int workingReplicas(ClusterState state, ClusterNode master) {
        int working = 0;
        for (ClusterNode replica : state.replicasOf(master)) {
            if (!replica.isFailed()) {
                working++;
            }
        }
        return working;
    }
}

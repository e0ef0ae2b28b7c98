package io.slotwise.sim.cluster;

/**
 * Computes {@code cluster_state} as Redis's {@code clusterUpdateState} does, and remembers the result.
 *
 * <p>The raw verdict ({@link #evaluate(ClusterState)}) is FAIL when {@code cluster-require-full-coverage} is on and
 * some slot is unassigned or owned by a FAIL node (PFAIL does not count), or when fewer than {@code size/2 + 1} of the
 * masters owning slots are reachable (neither FAIL nor PFAIL). {@link #update(ClusterState, long)} then applies the
 * timing rules of a master: it keeps reporting FAIL during the first {@code writableDelayMillis} after the first
 * evaluation, and does not turn OK again until {@code rejoinDelayMillis} after it last saw itself in the minority.
 * Replicas switch immediately. Not thread-safe.
 */
public final class ClusterHealth {

    private boolean ok;
    private boolean evaluatedOnce;
    private long firstEvaluationMillis;
    private boolean minoritySeen;
    private long amongMinorityMillis;

    ClusterHealth() {}

    /**
     * Returns the last recorded state.
     *
     * @return {@code true} for {@code cluster_state:ok}; {@code false} (fail) before the first update
     */
    public boolean isOk() {
        return ok;
    }

    /**
     * Computes the raw verdict, ignoring timing rules.
     *
     * @param state the cluster state, never {@code null}
     * @return {@code true} if the cluster would be ok
     */
    public static boolean evaluate(ClusterState state) {
        return coverageOk(state) && reachableMasters(state) >= size(state) / 2 + 1;
    }

    /**
     * Returns the cluster size: the number of masters owning at least one slot.
     *
     * @param state the cluster state, never {@code null}
     * @return the size
     */
    public static int size(ClusterState state) {
        int size = 0;
        for (ClusterNode node : state.nodes()) {
            if (node.isMaster() && node.slotCount() > 0) {
                size++;
            }
        }
        return size;
    }

    private static boolean coverageOk(ClusterState state) {
        if (!state.config().requireFullCoverage()) {
            return true;
        }
        for (int slot = 0; slot < SlotTable.SLOT_COUNT; slot++) {
            ClusterNode owner = state.slots().owner(slot);
            if (owner == null || owner.isFailed()) {
                return false;
            }
        }
        return true;
    }

    private static int reachableMasters(ClusterState state) {
        int reachable = 0;
        for (ClusterNode node : state.nodes()) {
            if (node.isMaster() && node.slotCount() > 0 && !node.isFailed() && !node.hasFlag(NodeFlag.PFAIL)) {
                reachable++;
            }
        }
        return reachable;
    }

    /**
     * Re-evaluates and records the state, applying the start-up and rejoin delays for masters.
     *
     * @param state the cluster state, never {@code null}
     * @param nowMillis the current time
     */
    void update(ClusterState state, long nowMillis) {
        if (!evaluatedOnce) {
            evaluatedOnce = true;
            firstEvaluationMillis = nowMillis;
        }
        boolean master = state.myself().isMaster();
        if (master && !ok && nowMillis - firstEvaluationMillis < state.config().writableDelayMillis()) {
            return;
        }
        boolean coverage = coverageOk(state);
        boolean quorum = reachableMasters(state) >= size(state) / 2 + 1;
        if (!quorum) {
            minoritySeen = true;
            amongMinorityMillis = nowMillis;
        }
        boolean newOk = coverage && quorum;
        if (newOk == ok) {
            return;
        }
        if (newOk
                && master
                && minoritySeen
                && nowMillis - amongMinorityMillis < state.config().rejoinDelayMillis()) {
            return;
        }
        ok = newOk;
    }
}

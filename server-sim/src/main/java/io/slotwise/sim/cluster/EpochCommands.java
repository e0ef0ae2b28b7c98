package io.slotwise.sim.cluster;

/**
 * CLUSTER SET-CONFIG-EPOCH and CLUSTER BUMPEPOCH with Redis 7.0's rules and texts. Run on the node's thread.
 */
public final class EpochCommands {

    private EpochCommands() {}

    /**
     * CLUSTER SET-CONFIG-EPOCH epoch, from the raw argument.
     *
     * @param state the state, never {@code null}
     * @param epoch the argument as given
     * @throws ClusterCommandException {@code ERR value is not an integer or out of range}, or as
     *     {@link #setConfigEpoch(ClusterState, long)}
     */
    public static void setConfigEpoch(ClusterState state, String epoch) {
        setConfigEpoch(state, IntegerArgument.parse(epoch));
    }

    /**
     * CLUSTER SET-CONFIG-EPOCH epoch: allowed only on a node that knows no other node and whose config epoch is
     * still 0. Raises currentEpoch to the epoch if lower.
     *
     * @param state the state, never {@code null}
     * @param epoch the epoch
     * @throws ClusterCommandException {@code ERR Invalid config epoch specified: <n>},
     *     {@code ERR The user can assign a config epoch only when the node does not know any other node.} or
     *     {@code ERR Node config epoch is already non-zero}
     */
    public static void setConfigEpoch(ClusterState state, long epoch) {
        if (epoch < 0) {
            throw new ClusterCommandException("ERR Invalid config epoch specified: " + epoch);
        }
        if (state.nodes().size() > 1) {
            throw new ClusterCommandException(
                    "ERR The user can assign a config epoch only when the node does not know any other node.");
        }
        if (state.myself().configEpoch() != 0) {
            throw new ClusterCommandException("ERR Node config epoch is already non-zero");
        }
        state.myself().setConfigEpoch(epoch);
        if (state.currentEpoch() < epoch) {
            state.setCurrentEpoch(epoch);
        }
        state.request(PendingAction.SAVE_CONFIG);
        state.updateState();
    }

    /**
     * CLUSTER BUMPEPOCH: bumps my config epoch without consensus unless it already is the greatest known.
     *
     * @param state the state, never {@code null}
     * @return the outcome; its {@link BumpEpochResult#replyText()} is the simple-string reply
     */
    public static BumpEpochResult bumpEpoch(ClusterState state) {
        boolean bumped = bumpWithoutConsensus(state);
        return new BumpEpochResult(bumped, state.myself().configEpoch());
    }

    /**
     * Returns the highest epoch known: the maximum of every node's config epoch and the current epoch.
     *
     * @param state the state, never {@code null}
     * @return the maximum
     */
    public static long maxEpoch(ClusterState state) {
        long max = state.currentEpoch();
        for (ClusterNode node : state.nodes()) {
            max = Math.max(max, node.configEpoch());
        }
        return max;
    }

    /**
     * Gives myself a new, unique config epoch without agreement from other nodes (BUMPEPOCH, closing an import,
     * FAILOVER TAKEOVER) when my epoch is 0 or not already the greatest known: {@code currentEpoch++},
     * {@code myself.configEpoch = currentEpoch}. Requests SAVE and FSYNC when it bumps.
     *
     * @param state the state, never {@code null}
     * @return {@code true} if bumped, {@code false} if my epoch already was the maximum
     */
    public static boolean bumpWithoutConsensus(ClusterState state) {
        ClusterNode myself = state.myself();
        if (myself.configEpoch() != 0 && myself.configEpoch() == maxEpoch(state)) {
            return false;
        }
        state.setCurrentEpoch(state.currentEpoch() + 1);
        myself.setConfigEpoch(state.currentEpoch());
        state.request(PendingAction.SAVE_CONFIG, PendingAction.FSYNC_CONFIG);
        return true;
    }
}

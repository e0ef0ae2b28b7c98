package io.slotwise.it.sim;

/** The two ways a simulator node runs, both of which must survive hostile clients. */
enum NodeKind {

    /** {@code cluster-enabled no}. */
    STANDALONE,

    /** {@code cluster-enabled yes}, with nodes.conf in a temporary directory, owning all slots. */
    CLUSTER;

    /** Starts a node of this kind on an ephemeral port; a cluster node is ready ({@code cluster_state:ok}). */
    SimNodeHandle start() {
        if (this == STANDALONE) {
            return SimNodeHandle.standalone();
        }
        SimNodeHandle node = SimNodeHandle.clusterNode(0);
        try {
            return node.ownAllSlots();
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
    }
}

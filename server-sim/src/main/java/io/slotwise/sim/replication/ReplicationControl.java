package io.slotwise.sim.replication;

/**
 * How cluster mode tells replication that this node's role or master changed in the cluster state (CLUSTER
 * REPLICATE, CLUSTER RESET, a failover learned from the bus): replication then starts, re-points or stops to match
 * {@code ClusterState.myself()}. The replication module provides it as a node service.
 *
 * <p>Threading: call on the node's event loop.
 */
public interface ReplicationControl {

    /**
     * Makes replication follow the cluster state.
     *
     * @param dataFlushed whether the node's data was just emptied with the change (a replica reset into an empty
     *     master): a new master then starts a history unrelated to its old one
     */
    void clusterRoleChanged(boolean dataFlushed);

    /**
     * Returns how long this replica has been without contact with its master, as Redis's failover measures its data
     * age: while the link is up, the time since the master last sent something; while it is down, the time since it
     * went down.
     *
     * @return milliseconds; 0 for a master; {@link Long#MAX_VALUE} for a replica that never completed a synchronisation
     *     with its current master
     */
    default long millisSinceMasterContact() {
        return 0;
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/**
 * {@link ReplicaMigrationBehaviour} against the simulator, shaped as {@link ReplicaMigrationRealRedisIT}: the same
 * replica must migrate, under the same default barrier and delay.
 */
@SimulatedCluster(primaries = 3, replicasPerPrimary = 1, nodeTimeoutMillis = 2000)
class ReplicaMigrationSimIT extends ReplicaMigrationBehaviour {

    ReplicaMigrationSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

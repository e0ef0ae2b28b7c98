package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link CachingReplicaBehaviour} against the Slotwise simulator, one replica per primary. */
@SimulatedCluster(primaries = 3, replicasPerPrimary = 1)
class CachingReplicaSimIT extends CachingReplicaBehaviour {

    CachingReplicaSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

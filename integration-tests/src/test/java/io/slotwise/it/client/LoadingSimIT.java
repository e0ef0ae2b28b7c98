package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/**
 * {@link LoadingBehaviour} against the Slotwise simulator. Simulator only: a real redis-server loads on demand only
 * through DEBUG RELOAD of a large dataset with a key-load delay, which the real-cluster fixture does not set up.
 */
@SimulatedCluster(primaries = 3, replicasPerPrimary = 1, nodeTimeoutMillis = 2000)
class LoadingSimIT extends LoadingBehaviour {

    LoadingSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

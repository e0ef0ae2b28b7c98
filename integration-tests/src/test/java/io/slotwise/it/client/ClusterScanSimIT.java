package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link ClusterScanBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3)
class ClusterScanSimIT extends ClusterScanBehaviour {

    ClusterScanSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link SlowNodeRefreshBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3, nodeTimeoutMillis = 2000)
class SlowNodeRefreshSimIT extends SlowNodeRefreshBehaviour {

    SlowNodeRefreshSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

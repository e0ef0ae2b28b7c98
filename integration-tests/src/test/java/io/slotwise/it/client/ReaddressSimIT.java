package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link ReaddressBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3, nodeTimeoutMillis = 2000)
class ReaddressSimIT extends ReaddressBehaviour {

    ReaddressSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

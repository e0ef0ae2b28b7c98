package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link CachingBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3)
class CachingSimIT extends CachingBehaviour {

    CachingSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

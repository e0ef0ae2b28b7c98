package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link AllSlotsBehaviour} against the Slotwise simulator: the results must equal those of the real-cluster run. */
@SimulatedCluster(primaries = 3)
class AllSlotsSimIT extends AllSlotsBehaviour {

    AllSlotsSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

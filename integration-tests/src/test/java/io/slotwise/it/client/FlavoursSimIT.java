package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link FlavoursBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3)
class FlavoursSimIT extends FlavoursBehaviour {

    FlavoursSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link ReshardBehaviour} against the Slotwise simulator: unmodified {@code redis-cli --cluster reshard}. */
@SimulatedCluster(primaries = 3)
class ReshardSimIT extends ReshardBehaviour {

    ReshardSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link PubSubBehaviour} against the Slotwise simulator, 3 primaries with one replica each, node timeout 2 s. */
@SimulatedCluster(primaries = 3, replicasPerPrimary = 1, nodeTimeoutMillis = 2000)
class PubSubSimIT extends PubSubBehaviour {

    PubSubSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

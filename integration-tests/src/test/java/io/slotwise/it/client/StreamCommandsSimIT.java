package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link StreamCommandsBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3)
class StreamCommandsSimIT extends StreamCommandsBehaviour {

    StreamCommandsSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

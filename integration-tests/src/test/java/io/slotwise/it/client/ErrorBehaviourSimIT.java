package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link ErrorBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3, nodeTimeoutMillis = 15_000)
class ErrorBehaviourSimIT extends ErrorBehaviour {

    ErrorBehaviourSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

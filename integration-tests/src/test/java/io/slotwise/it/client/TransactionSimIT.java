package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link TransactionBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3)
class TransactionSimIT extends TransactionBehaviour {

    TransactionSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link SlotMigrationBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3)
class SlotMigrationSimIT extends SlotMigrationBehaviour {

    SlotMigrationSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/** {@link GeoHyperLogLogBitmapBehaviour} against the Slotwise simulator. */
@SimulatedCluster(primaries = 3)
class GeoHyperLogLogBitmapSimIT extends GeoHyperLogLogBitmapBehaviour {

    GeoHyperLogLogBitmapSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

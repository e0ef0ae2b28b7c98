package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/**
 * {@link FailoverBehaviour} against the Slotwise simulator, 3 primaries with one replica each and node timeout 2 s as
 * in {@link FailoverRealRedisIT}: the simulator's replica election must let the client recover from a killed and a
 * hung primary within the same bounds as real Redis.
 */
@SimulatedCluster(primaries = 3, replicasPerPrimary = 1, nodeTimeoutMillis = 2000)
class FailoverSimIT extends FailoverBehaviour {

    FailoverSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

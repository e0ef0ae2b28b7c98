package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;

/**
 * {@link AllSlotsBehaviour} against the Slotwise simulator: the results must equal those of the real-cluster run.
 *
 * <p>The node timeout is Redis's default of 15 s rather than the fixture's 2 s: this scenario is about routing, and
 * the in-JVM nodes share the test's CPU while it floods them with 16384 pipelined commands. On a loaded machine a node
 * could otherwise miss its PONG deadline, be marked FAIL by the other two, and keep the cluster down for two node
 * timeouts, longer than the client's default retries wait, so a caller would see {@code CLUSTERDOWN}.
 */
@SimulatedCluster(primaries = 3, nodeTimeoutMillis = 15_000)
class AllSlotsSimIT extends AllSlotsBehaviour {

    AllSlotsSimIT(SimCluster cluster) {
        super(new SimClusterBackend(cluster));
    }
}

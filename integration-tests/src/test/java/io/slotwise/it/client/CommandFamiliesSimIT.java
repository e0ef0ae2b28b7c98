package io.slotwise.it.client;

import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.sim.SimCluster;
import org.junit.jupiter.api.Nested;

/** {@link CommandFamiliesBehaviour} against the Slotwise simulator, once per protocol on one cluster. */
@SimulatedCluster(primaries = 3)
class CommandFamiliesSimIT {

    private final ClusterBackend backend;

    CommandFamiliesSimIT(SimCluster cluster) {
        this.backend = new SimClusterBackend(cluster);
    }

    /** The client speaks RESP2. */
    @Nested
    class Resp2 extends CommandFamiliesBehaviour {
        Resp2() {
            super(CommandFamiliesSimIT.this.backend, Protocol.RESP2);
        }
    }

    /** The client speaks RESP3. */
    @Nested
    class Resp3 extends CommandFamiliesBehaviour {
        Resp3() {
            super(CommandFamiliesSimIT.this.backend, Protocol.RESP3);
        }
    }
}

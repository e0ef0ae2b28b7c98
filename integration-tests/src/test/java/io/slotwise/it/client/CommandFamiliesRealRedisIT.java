package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;
import org.junit.jupiter.api.Nested;

/** {@link CommandFamiliesBehaviour} against a real 3-primary cluster, once per protocol on one cluster. */
@RealRedisCluster(primaries = 3)
class CommandFamiliesRealRedisIT {

    private final ClusterBackend backend;

    CommandFamiliesRealRedisIT(RedisClusterFixture cluster) {
        this.backend = new RealRedisBackend(cluster);
    }

    /** The client speaks RESP2. */
    @Nested
    class Resp2 extends CommandFamiliesBehaviour {
        Resp2() {
            super(CommandFamiliesRealRedisIT.this.backend, Protocol.RESP2);
        }
    }

    /** The client speaks RESP3. */
    @Nested
    class Resp3 extends CommandFamiliesBehaviour {
        Resp3() {
            super(CommandFamiliesRealRedisIT.this.backend, Protocol.RESP3);
        }
    }
}

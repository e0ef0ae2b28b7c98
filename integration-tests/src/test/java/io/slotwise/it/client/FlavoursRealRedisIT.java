package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link FlavoursBehaviour} against a real 3-primary cluster. */
@RealRedisCluster(primaries = 3)
class FlavoursRealRedisIT extends FlavoursBehaviour {

    FlavoursRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

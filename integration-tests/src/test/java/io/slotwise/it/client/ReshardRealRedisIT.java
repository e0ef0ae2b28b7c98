package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link ReshardBehaviour} against a real 3-primary cluster. */
@RealRedisCluster(primaries = 3)
class ReshardRealRedisIT extends ReshardBehaviour {

    ReshardRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

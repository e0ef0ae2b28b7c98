package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link CachingBehaviour} against a real 3-primary cluster. */
@RealRedisCluster(primaries = 3)
class CachingRealRedisIT extends CachingBehaviour {

    CachingRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

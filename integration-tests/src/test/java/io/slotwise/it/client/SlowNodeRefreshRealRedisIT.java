package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link SlowNodeRefreshBehaviour} against a real 3-primary cluster. */
@RealRedisCluster(primaries = 3)
class SlowNodeRefreshRealRedisIT extends SlowNodeRefreshBehaviour {

    SlowNodeRefreshRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

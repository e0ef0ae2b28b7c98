package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link AllSlotsBehaviour} against a real 3-primary cluster. */
@RealRedisCluster(primaries = 3)
class AllSlotsRealRedisIT extends AllSlotsBehaviour {

    AllSlotsRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link SlotMigrationBehaviour} against a real 3-primary cluster. */
@RealRedisCluster(primaries = 3)
class SlotMigrationRealRedisIT extends SlotMigrationBehaviour {

    SlotMigrationRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

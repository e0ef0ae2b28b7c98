package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link ReplicaMigrationBehaviour} against a real cluster of 3 primaries with one replica each. */
@RealRedisCluster(primaries = 3, replicasPerPrimary = 1, nodeTimeoutMillis = 2000)
class ReplicaMigrationRealRedisIT extends ReplicaMigrationBehaviour {

    ReplicaMigrationRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

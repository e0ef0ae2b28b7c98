package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link PubSubBehaviour} against a real cluster of 3 primaries with one replica each, node timeout 2 s. */
@RealRedisCluster(primaries = 3, replicasPerPrimary = 1, nodeTimeoutMillis = 2000)
class PubSubRealRedisIT extends PubSubBehaviour {

    PubSubRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

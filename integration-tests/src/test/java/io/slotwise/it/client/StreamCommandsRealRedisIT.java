package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link StreamCommandsBehaviour} against a real 3-primary redis-server 7.0.15 cluster. */
@RealRedisCluster(primaries = 3)
class StreamCommandsRealRedisIT extends StreamCommandsBehaviour {

    StreamCommandsRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

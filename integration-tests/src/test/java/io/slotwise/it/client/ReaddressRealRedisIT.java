package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link ReaddressBehaviour} against a real cluster of 3 primaries, node timeout 2 s. */
@RealRedisCluster(primaries = 3, nodeTimeoutMillis = 2000)
class ReaddressRealRedisIT extends ReaddressBehaviour {

    ReaddressRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

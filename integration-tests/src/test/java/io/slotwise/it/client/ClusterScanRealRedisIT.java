package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link ClusterScanBehaviour} against a real 3-primary cluster. */
@RealRedisCluster(primaries = 3)
class ClusterScanRealRedisIT extends ClusterScanBehaviour {

    ClusterScanRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

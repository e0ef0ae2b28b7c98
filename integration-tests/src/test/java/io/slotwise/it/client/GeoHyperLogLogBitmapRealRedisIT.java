package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link GeoHyperLogLogBitmapBehaviour} against a real 3-primary redis-server 7.0 cluster. */
@RealRedisCluster(primaries = 3)
class GeoHyperLogLogBitmapRealRedisIT extends GeoHyperLogLogBitmapBehaviour {

    GeoHyperLogLogBitmapRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

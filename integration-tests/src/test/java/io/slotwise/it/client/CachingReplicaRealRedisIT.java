package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link CachingReplicaBehaviour} against a real cluster of 3 primaries with one replica each. */
@RealRedisCluster(primaries = 3, replicasPerPrimary = 1)
class CachingReplicaRealRedisIT extends CachingReplicaBehaviour {

    CachingReplicaRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/** {@link TransactionBehaviour} against a real 3-primary cluster. */
@RealRedisCluster(primaries = 3)
class TransactionRealRedisIT extends TransactionBehaviour {

    TransactionRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

package io.slotwise.it.client;

import io.slotwise.it.fixture.RealRedisCluster;
import io.slotwise.it.fixture.RedisClusterFixture;

/**
 * {@link ErrorBehaviour} against a real 3-primary cluster whose node timeout (15 s) outlasts any pause, so a stopped
 * node is never marked as failing.
 */
@RealRedisCluster(primaries = 3, nodeTimeoutMillis = 15_000)
class ErrorBehaviourRealRedisIT extends ErrorBehaviour {

    ErrorBehaviourRealRedisIT(RedisClusterFixture cluster) {
        super(new RealRedisBackend(cluster));
    }
}

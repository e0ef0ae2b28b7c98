package io.slotwise.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * {@code redis-cli --cluster reshard} of 2000 slots on an in-JVM simulated cluster while Jedis keeps writing: no write
 * is lost and the cluster checks OK afterwards.
 */
class RedisCliReshardIT {

    private static final int SLOTS_TO_MOVE = 2000;
    private static final int KEYS_BEFORE = 3000;
    private static final Duration CONVERGENCE = Duration.ofSeconds(20);

    @BeforeAll
    static void requireRedisCli() {
        Assumptions.assumeTrue(RedisCli.available(), "redis-cli not found at " + RedisCli.BINARY + "; skipping");
    }

    @Test
    void reshardWhileWritingLosesNoKeyAndChecksOk() throws InterruptedException {
        try (SimCluster cluster = SimCluster.builder().primaries(3).start();
                JedisCluster jedis = new JedisCluster(seeds(cluster))) {
            SimClusterNode from = cluster.primaries().get(0);
            SimClusterNode to = cluster.primaries().get(1);
            int before = ClusterNodesLine.fetch(to.port()).stream()
                    .filter(ClusterNodesLine::isMyself)
                    .findFirst()
                    .orElseThrow()
                    .slotCount();
            for (int i = 0; i < KEYS_BEFORE; i++) {
                jedis.set(key(i), value(i));
            }
            AtomicInteger written = new AtomicInteger(KEYS_BEFORE);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(
                    () -> {
                        try {
                            while (!stop.get()) {
                                int i = written.get();
                                jedis.set(key(i), value(i));
                                written.incrementAndGet();
                            }
                        } catch (Throwable t) {
                            failure.set(t);
                        }
                    },
                    "reshard-writer");
            writer.start();
            RedisCli.Result reshard;
            try {
                reshard = RedisCli.run(
                        "--cluster",
                        "reshard",
                        "127.0.0.1:" + from.port(),
                        "--cluster-from",
                        from.id(),
                        "--cluster-to",
                        to.id(),
                        "--cluster-slots",
                        Integer.toString(SLOTS_TO_MOVE),
                        "--cluster-yes");
            } finally {
                stop.set(true);
                writer.join();
            }

            assertEquals(0, reshard.exitStatus(), reshard::describe);
            assertNull(failure.get(), () -> "the writer failed during the reshard: " + failure.get());
            RedisCli.awaitCheckOk(from.port(), CONVERGENCE);
            int after = ClusterNodesLine.fetch(to.port()).stream()
                    .filter(ClusterNodesLine::isMyself)
                    .findFirst()
                    .orElseThrow()
                    .slotCount();
            assertEquals(before + SLOTS_TO_MOVE, after, "slots of the target after the reshard");
            int total = written.get();
            assertTrue(total > KEYS_BEFORE, "the writer wrote nothing during the reshard");
            for (int i = 0; i < total; i++) {
                assertEquals(value(i), jedis.get(key(i)), "key " + key(i) + " of " + total);
            }
        }
    }

    private static Set<HostAndPort> seeds(SimCluster cluster) {
        return cluster.seeds().stream()
                .map(address -> new HostAndPort("127.0.0.1", address.getPort()))
                .collect(Collectors.toSet());
    }

    private static String key(int i) {
        return "reshard:" + i;
    }

    private static String value(int i) {
        return "value-" + i;
    }
}

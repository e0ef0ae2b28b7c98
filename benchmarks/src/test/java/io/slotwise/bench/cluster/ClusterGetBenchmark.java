package io.slotwise.bench.cluster;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One synchronous GET at a time per thread against a real 3-primary cluster, from two threads: the round trip a
 * request/response service pays per cache read. Slotwise's sync wrapper, Lettuce's sync API and Jedis's
 * RedisClusterClient, each with default options. Score: GETs per millisecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
@Fork(1)
public class ClusterGetBenchmark {

    /** Slotwise: {@code SyncRedisCluster.call(c -> c.get(key))}. */
    @Benchmark
    public String slotwise(SlotwiseClient client, ClusterUnderTest cluster, KeyCursor cursor) {
        String key = cursor.next(cluster);
        return client.sync.call(commands -> commands.get(key));
    }

    /** Lettuce: {@code connection.sync().get(key)}. */
    @Benchmark
    public String lettuce(LettuceClient client, ClusterUnderTest cluster, KeyCursor cursor) {
        return client.connection.sync().get(cursor.next(cluster));
    }

    /** Jedis: {@code redisClusterClient.get(key)}. */
    @Benchmark
    public String jedis(JedisClient client, ClusterUnderTest cluster, KeyCursor cursor) {
        return client.cluster.get(cursor.next(cluster));
    }
}

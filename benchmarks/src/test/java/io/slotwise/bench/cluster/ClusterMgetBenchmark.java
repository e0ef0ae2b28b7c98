package io.slotwise.bench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An MGET of {@value #KEYS_PER_CALL} keys in different slots, which a cluster client has to split by slot and merge
 * back in order: Slotwise, Lettuce's cluster API and Jedis 8's {@code RedisClusterClient}, which all split it. Score:
 * MGETs per millisecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClusterMgetBenchmark {

    static final int KEYS_PER_CALL = 10;

    /** Slotwise: {@code async().mget(keys)}, joined. */
    @Benchmark
    public List<String> slotwise(SlotwiseClient client, ClusterUnderTest cluster, KeyCursor cursor) {
        return client.async.mget(keys(cluster, cursor)).toCompletableFuture().join();
    }

    /** Lettuce: {@code sync().mget(keys)} on the cluster connection. */
    @Benchmark
    public Object lettuce(LettuceClient client, ClusterUnderTest cluster, KeyCursor cursor) {
        return client.connection.sync().mget(keys(cluster, cursor).toArray(String[]::new));
    }

    /** Jedis: {@code redisClusterClient.mget(keys)}. */
    @Benchmark
    public List<String> jedis(JedisClient client, ClusterUnderTest cluster, KeyCursor cursor) {
        return client.cluster.mget(keys(cluster, cursor).toArray(String[]::new));
    }

    private static List<String> keys(ClusterUnderTest cluster, KeyCursor cursor) {
        List<String> keys = new ArrayList<>(KEYS_PER_CALL);
        for (int i = 0; i < KEYS_PER_CALL; i++) {
            keys.add(cursor.next(cluster));
        }
        return keys;
    }
}

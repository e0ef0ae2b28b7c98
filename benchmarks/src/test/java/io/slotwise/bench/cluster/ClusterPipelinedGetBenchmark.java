package io.slotwise.bench.cluster;

import io.lettuce.core.RedisFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.Response;

/**
 * {@value #BATCH} GETs in flight at once against a real 3-primary cluster, then wait for all: the throughput an
 * asynchronous caller gets from one client. Slotwise's and Lettuce's async APIs (one multiplexed connection per node,
 * pipelined), Jedis's cluster pipeline. Score: batches per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClusterPipelinedGetBenchmark {

    static final int BATCH = 100;

    /** Slotwise: {@code async().get(key)} {@value #BATCH} times, then joins them all. */
    @Benchmark
    public void slotwise(SlotwiseClient client, ClusterUnderTest cluster, KeyCursor cursor, Blackhole sink) {
        List<CompletableFuture<String>> replies = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            CompletionStage<String> reply = client.async.get(cursor.next(cluster));
            replies.add(reply.toCompletableFuture());
        }
        for (CompletableFuture<String> reply : replies) {
            sink.consume(reply.join());
        }
    }

    /** Lettuce: {@code async().get(key)} {@value #BATCH} times, then waits for them all. */
    @Benchmark
    public void lettuce(LettuceClient client, ClusterUnderTest cluster, KeyCursor cursor, Blackhole sink)
            throws InterruptedException, ExecutionException {
        List<RedisFuture<String>> replies = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            replies.add(client.connection.async().get(cursor.next(cluster)));
        }
        for (RedisFuture<String> reply : replies) {
            sink.consume(reply.get());
        }
    }

    /** Jedis: a {@link ClusterPipeline} of {@value #BATCH} GETs, then {@code sync()}. */
    @Benchmark
    public void jedis(JedisClient client, ClusterUnderTest cluster, KeyCursor cursor, Blackhole sink) {
        List<Response<String>> replies = new ArrayList<>(BATCH);
        try (ClusterPipeline pipeline = client.cluster.pipelined()) {
            for (int i = 0; i < BATCH; i++) {
                replies.add(pipeline.get(cursor.next(cluster)));
            }
            pipeline.sync();
        }
        for (Response<String> reply : replies) {
            sink.consume(reply.get());
        }
    }
}

package io.slotwise.bench;

import io.slotwise.routing.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Slot hashing throughput: Slotwise's {@link SlotHash} against Lettuce's and Jedis's implementations, over the same
 * keys in the same run. Each invocation hashes a batch of {@value #BATCH} keys, so the score is batches per
 * microsecond and the ratios between implementations are what matter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SlotHashBenchmark {

    static final int BATCH = 1024;

    /** Key shapes: typical application keys, keys with a hash tag, and longer binary keys. */
    @Param({"plain", "tagged", "binary64"})
    public String keyShape;

    private byte[][] keys;

    /** Builds the same pseudo-random keys for every implementation. */
    @Setup(Level.Trial)
    public void makeKeys() {
        Random random = new Random(7);
        keys = new byte[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            keys[i] = switch (keyShape) {
                case "plain" -> ("user:" + random.nextInt(1_000_000) + ":profile").getBytes(StandardCharsets.UTF_8);
                case "tagged" ->
                    ("order:{customer:" + random.nextInt(100_000) + "}:" + i).getBytes(StandardCharsets.UTF_8);
                case "binary64" -> {
                    byte[] key = new byte[64];
                    random.nextBytes(key);
                    yield key;
                }
                default -> throw new IllegalArgumentException("unknown key shape " + keyShape);
            };
        }
    }

    /** Slotwise. */
    @Benchmark
    public void slotwise(Blackhole sink) {
        for (byte[] key : keys) {
            sink.consume(SlotHash.slot(key));
        }
    }

    /** Lettuce 7. */
    @Benchmark
    public void lettuce(Blackhole sink) {
        for (byte[] key : keys) {
            sink.consume(io.lettuce.core.cluster.SlotHash.getSlot(key));
        }
    }

    /** Jedis 8. */
    @Benchmark
    public void jedis(Blackhole sink) {
        for (byte[] key : keys) {
            sink.consume(redis.clients.jedis.util.JedisClusterCRC16.getSlot(key));
        }
    }
}

package io.slotwise.bench.cluster;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The real cluster a round-trip benchmark runs against, started once per trial, and the keys it reads: {@value #KEYS}
 * keys spread over every primary, each holding a {@value #VALUE_BYTES}-byte value.
 */
@State(Scope.Benchmark)
public class ClusterUnderTest {

    static final int KEYS = 1000;
    static final int VALUE_BYTES = 64;

    LocalRedisCluster cluster;
    List<String> keys;
    String value;

    /** Starts the cluster and loads the keys (with redis-cli, so that no client under test warms up early). */
    @Setup(Level.Trial)
    public void start() {
        cluster = LocalRedisCluster.start();
        keys = new ArrayList<>(KEYS);
        for (int i = 0; i < KEYS; i++) {
            keys.add("bench:key:" + i);
        }
        value = "v".repeat(VALUE_BYTES);
        cluster.load(keys, value);
    }

    /** Stops the cluster. */
    @TearDown(Level.Trial)
    public void stop() {
        cluster.close();
    }

    /** {@code redis://127.0.0.1:port} seed URIs, one per primary. */
    List<String> seedUris() {
        return cluster.ports().stream().map(port -> "redis://127.0.0.1:" + port).toList();
    }
}

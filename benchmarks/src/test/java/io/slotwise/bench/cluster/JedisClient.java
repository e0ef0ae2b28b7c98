package io.slotwise.bench.cluster;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClusterClient;

/**
 * A Jedis 8 {@link RedisClusterClient} with Jedis's classic cluster defaults, connected for one trial: connect and
 * socket timeouts of {@value #TIMEOUT_MILLIS} ms, {@value #MAX_ATTEMPTS} attempts per command (within a total of the
 * socket timeout times the attempts, as the builder computes when unset), no periodic topology refresh, and one
 * connection pool per node with commons-pool's plain defaults (at most 8 connections, no idle eviction) — what the
 * deprecated {@code new JedisCluster(seeds)} used, so that scores stay comparable with earlier runs.
 */
@State(Scope.Benchmark)
public class JedisClient {

    private static final int TIMEOUT_MILLIS = 2000;
    private static final int MAX_ATTEMPTS = 5;

    RedisClusterClient cluster;

    /** Connects. */
    @Setup(Level.Trial)
    public void connect(ClusterUnderTest target) {
        Set<HostAndPort> seeds = new HashSet<>();
        target.cluster.ports().forEach(port -> seeds.add(new HostAndPort("127.0.0.1", port)));
        cluster = RedisClusterClient.builder()
                .nodes(seeds)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .timeoutMillis(TIMEOUT_MILLIS)
                        .build())
                .maxAttempts(MAX_ATTEMPTS)
                .poolConfig(new GenericObjectPoolConfig<Connection>())
                .build();
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void close() {
        cluster.close();
    }
}

package io.slotwise.bench.cluster;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A Lettuce cluster client with default options, connected for one trial. */
@State(Scope.Benchmark)
public class LettuceClient {

    RedisClusterClient client;
    StatefulRedisClusterConnection<String, String> connection;

    /** Connects. */
    @Setup(Level.Trial)
    public void connect(ClusterUnderTest cluster) {
        List<RedisURI> seeds = cluster.seedUris().stream().map(RedisURI::create).toList();
        client = RedisClusterClient.create(seeds);
        connection = client.connect();
    }

    /** Closes the connection and shuts the client down. */
    @TearDown(Level.Trial)
    public void close() {
        connection.close();
        client.shutdown();
    }
}

package io.slotwise.bench.cluster;

import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisClusterClient;
import io.slotwise.api.AsyncCommands;
import io.slotwise.netty.SlotwiseCluster;
import io.slotwise.sync.SyncRedisCluster;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A Slotwise cluster client with default options, connected for one trial. */
@State(Scope.Benchmark)
public class SlotwiseClient {

    RedisClusterClient client;
    AsyncCommands<String, String> async;
    SyncRedisCluster<String, String> sync;

    /** Connects. */
    @Setup(Level.Trial)
    public void connect(ClusterUnderTest cluster) {
        client = SlotwiseCluster.connect(
                ClusterClientOptions.builder().seeds(cluster.seedUris()).build());
        async = client.async();
        sync = SyncRedisCluster.of(async);
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void close() {
        client.close();
    }
}

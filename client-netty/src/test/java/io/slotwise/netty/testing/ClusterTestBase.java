package io.slotwise.netty.testing;

import io.netty.util.concurrent.EventExecutor;
import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisClusterClient;
import io.slotwise.RetrySettings;
import io.slotwise.netty.ClientResources;
import io.slotwise.netty.SlotwiseCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs cluster-client tests against a {@link FakeCluster} on client resources shared by the class. Closes every client
 * a test connected, then the cluster, then (after the class) the resources; fails the class on a buffer leak.
 */
@ExtendWith(LeakCheckExtension.class)
public abstract class ClusterTestBase {

    protected static ClientResources resources;

    protected FakeCluster cluster;
    protected final RecordingEvents events = new RecordingEvents();
    private final List<RedisClusterClient> clients = new CopyOnWriteArrayList<>();

    /** Creates the shared resources and starts their threads now, so that tests can tell other threads apart. */
    @BeforeAll
    static void createResources() throws InterruptedException {
        resources = ClientResources.create(2);
        for (EventExecutor loop : resources.eventLoopGroup()) {
            loop.submit(() -> {}).sync();
        }
    }

    @AfterAll
    static void shutdownResources() throws InterruptedException {
        Await.value(resources.shutdown());
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        for (RedisClusterClient client : clients) {
            Await.value(client.closeAsync());
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Starts the test's cluster. */
    protected FakeCluster startCluster(int primaries, int replicasPerPrimary) throws InterruptedException {
        cluster = FakeCluster.start(primaries, replicasPerPrimary);
        return cluster;
    }

    /**
     * Options seeded with the given nodes: fast retries (4 attempts, 1 to 10 ms), no periodic refresh, a long adaptive
     * interval (so a test sees exactly the refreshes it causes), events recorded in {@link #events}.
     */
    protected ClusterClientOptions.Builder options(FakeClusterNode... seeds) {
        return ClusterClientOptions.builder()
                .seeds(FakeCluster.seeds(seeds))
                .commandTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(5))
                .retry(new RetrySettings(4, Duration.ofMillis(1), Duration.ofMillis(10)))
                .topologyRefreshPeriod(Duration.ZERO)
                .adaptiveRefreshMinInterval(Duration.ofMinutes(1))
                .eventListener(events);
    }

    /** Connects a client on the shared resources; it is closed after the test. */
    protected RedisClusterClient connect(ClusterClientOptions options) {
        RedisClusterClient client =
                SlotwiseCluster.builder(options).resources(resources).connect();
        clients.add(client);
        return client;
    }

    /** Connects a client seeded with every primary of the cluster. */
    protected RedisClusterClient connect() {
        return connect(
                options(cluster.primaries().toArray(FakeClusterNode[]::new)).build());
    }
}

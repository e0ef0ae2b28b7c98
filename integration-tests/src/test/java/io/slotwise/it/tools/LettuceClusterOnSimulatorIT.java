package io.slotwise.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.slotwise.it.fixture.SimulatedCluster;
import io.slotwise.routing.SlotHash;
import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unmodified Lettuce ({@link RedisClusterClient}) against an in-JVM simulated cluster of three primaries with a replica
 * each. Adaptive topology refresh is on, as applications that survive resharding configure it.
 */
@SimulatedCluster(primaries = 3, replicasPerPrimary = 1)
class LettuceClusterOnSimulatorIT {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final SimCluster cluster;
    private RedisClusterClient client;
    private StatefulRedisClusterConnection<String, String> connection;
    private RedisAdvancedClusterCommands<String, String> commands;

    LettuceClusterOnSimulatorIT(SimCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void connect() {
        List<RedisURI> seeds = cluster.seeds().stream()
                .map(address -> RedisURI.create("127.0.0.1", address.getPort()))
                .toList();
        client = RedisClusterClient.create(seeds);
        client.setOptions(ClusterClientOptions.builder()
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers()
                        .adaptiveRefreshTriggersTimeout(Duration.ofMillis(100))
                        .build())
                .build());
        connection = client.connect();
        commands = connection.sync();
    }

    @AfterEach
    void close() {
        connection.close();
        client.shutdown();
    }

    @Test
    void setAndGetReachEverySlot() {
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            assertEquals("OK", commands.set(KeysPerSlot.key(slot), "lettuce-" + slot));
        }
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++) {
            assertEquals("lettuce-" + slot, commands.get(KeysPerSlot.key(slot)), "slot " + slot);
        }
    }

    @Test
    void hashTaggedMsetAndMgetWork() {
        String tag = KeysPerSlot.tag(12345);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(tag + "a", "1");
        values.put(tag + "b", "2");
        values.put(tag + "c", "3");
        assertEquals("OK", commands.mset(values));
        List<String> read = commands.mget(tag + "a", tag + "b", tag + "c").stream()
                .map(KeyValue::getValue)
                .toList();
        assertEquals(List.of("1", "2", "3"), read);
    }

    @Test
    void movedAfterASlotMovesIsFollowedAndLearned() {
        int slot = 1500;
        String key = KeysPerSlot.tag(slot) + "moved";
        assertEquals("OK", commands.set(key, "before"));
        SimClusterNode from = cluster.primaryForSlot(slot).orElseThrow();
        SimClusterNode to = AskDuringMigrationScenario.otherPrimary(cluster, from);

        cluster.migrateSlot(slot, from, to);

        assertEquals("before", commands.get(key));
        Waiting.until("Lettuce's partitions name the new owner of slot " + slot, REFRESH, () -> {
            int port = client.getPartitions().getPartitionBySlot(slot).getUri().getPort();
            return port == to.port() ? Optional.empty() : Optional.of("partitions still say port " + port);
        });
        assertEquals("OK", commands.set(key, "after"));
        assertEquals("after", commands.get(key));
    }

    @Test
    void askDuringAMigrationIsFollowed() {
        AskDuringMigrationScenario.run(cluster, 10001, commands::set, commands::get);
    }
}

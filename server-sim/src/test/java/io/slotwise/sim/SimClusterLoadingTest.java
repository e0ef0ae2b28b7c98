package io.slotwise.sim;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.keyspace.KeySlot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link SimCluster#loading}: a node that loads its dataset refuses what Redis 7.0 refuses while loading (checked
 * against redis-server 7.0.15 in DEBUG RELOAD with a key-load-delay) and serves again, with its keys, once it ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimClusterLoadingTest {
    private static final String LOADING = error("LOADING Redis is loading the dataset in memory");
    private static final Duration LONG = Duration.ofMinutes(5);

    private SimCluster cluster;
    private SimClusterNode loader;
    private String localKey;
    private String foreignKey;

    @BeforeAll
    void startCluster() {
        cluster = SimCluster.builder().primaries(2).start();
        loader = cluster.nodes().get(0);
        localKey = keyOwnedBy(loader);
        foreignKey = keyOwnedBy(cluster.nodes().get(1));
    }

    @AfterAll
    void closeCluster() {
        cluster.close();
    }

    @AfterEach
    void endLoading() {
        loader.node().faults().setLoading(false);
    }

    /** Each row: a command, and whether a loading node still runs it (Redis's {@code loading} command flag). */
    private static final List<Object[]> COMMANDS = List.of(
            new Object[] {new String[] {"GET", "k"}, false},
            new Object[] {new String[] {"SET", "k", "v"}, false},
            new Object[] {new String[] {"PING"}, false},
            new Object[] {new String[] {"DBSIZE"}, false},
            new Object[] {new String[] {"CLUSTER", "SLOTS"}, false},
            new Object[] {new String[] {"CLUSTER", "NODES"}, false},
            new Object[] {new String[] {"ECHO", "a"}, true},
            new Object[] {new String[] {"INFO", "server"}, true},
            new Object[] {new String[] {"READONLY"}, true},
            new Object[] {new String[] {"CLIENT", "SETNAME", "x"}, true},
            new Object[] {new String[] {"HELLO", "2"}, true},
            new Object[] {new String[] {"ROLE"}, true});

    @Test
    void commandsWithoutTheLoadingFlagAreRefusedWithLoading() {
        cluster.loading(loader, LONG);
        try (RespClient client = RespClient.connect(loader.port())) {
            for (Object[] row : COMMANDS) {
                String[] args = ((String[]) row[0]).clone();
                if (args.length > 1 && args[1].equals("k")) {
                    args[1] = localKey;
                }
                String reply = client.call(args);
                boolean allowed = (Boolean) row[1];
                assertEquals(allowed, !reply.equals(LOADING), String.join(" ", args) + " answered " + reply);
            }
        }
    }

    @Test
    void aRedirectTakesPrecedenceOverLoading() {
        cluster.loading(loader, LONG);
        try (RespClient client = RespClient.connect(loader.port())) {
            assertTrue(client.call("GET", foreignKey).startsWith("-MOVED "));
        }
    }

    @Test
    void aTransactionWithARefusedCommandIsAborted() {
        cluster.loading(loader, LONG);
        try (RespClient client = RespClient.connect(loader.port())) {
            assertEquals(simple("OK"), client.call("MULTI"));
            assertEquals(LOADING, client.call("GET", localKey));
            assertEquals(error("EXECABORT Transaction discarded because of previous errors."), client.call("EXEC"));
        }
    }

    @Test
    void execOfCommandsQueuedBeforeLoadingIsRefused() {
        try (RespClient client = RespClient.connect(loader.port())) {
            assertEquals(simple("OK"), client.call("MULTI"));
            assertEquals(simple("QUEUED"), client.call("GET", localKey));
            cluster.loading(loader, LONG);
            assertEquals(
                    error("EXECABORT Transaction discarded because of: LOADING Redis is loading the dataset in memory"),
                    client.call("EXEC"));
            loader.node().faults().setLoading(false);
            assertEquals(error("ERR EXEC without MULTI"), client.call("EXEC"), "the transaction was discarded");
        }
    }

    @Test
    void infoPersistenceReportsLoadingWhileTheNodeLoads() {
        try (RespClient client = RespClient.connect(loader.port())) {
            assertTrue(client.call("INFO", "persistence").contains("loading:0\r\n"), "not loading yet");
            loader.node().faults().setLoading(true);
            assertTrue(client.call("INFO", "persistence").contains("loading:1\r\n"), "loading");
        }
    }

    @Test
    void theNodeServesItsKeysAgainWhenLoadingEnds() {
        try (RespClient client = RespClient.connect(loader.port())) {
            assertEquals(simple("OK"), client.call("SET", localKey, "kept"));
            CompletableFuture<Void> ended = cluster.loading(loader, Duration.ofMillis(300));
            assertTrue(loader.node().faults().isLoading());
            assertEquals(LOADING, client.call("GET", localKey));
            ended.join();
            assertFalse(loader.node().faults().isLoading());
            assertEquals(bulk("kept"), client.call("GET", localKey));
        }
    }

    @Test
    void aLoadingDurationMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> cluster.loading(loader, Duration.ZERO));
        assertFalse(loader.node().faults().isLoading());
    }

    /** A key whose slot the node owns (the two primaries split the slots in halves). */
    private String keyOwnedBy(SimClusterNode owner) {
        for (int i = 0; ; i++) {
            String key = "key-" + i;
            int slot = KeySlot.of(key.getBytes(StandardCharsets.UTF_8));
            if (cluster.primaryForSlot(slot).orElseThrow() == owner) {
                return key;
            }
        }
    }
}

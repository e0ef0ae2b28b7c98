package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.ClientSideCacheOptions;
import io.slotwise.api.AsyncCommands;
import io.slotwise.event.RedirectKind;
import io.slotwise.it.fixture.RespReply;
import io.slotwise.routing.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Server-assisted client-side caching against a cluster: a repeated read is served without reaching the node, and
 * every way a cached value can go stale drops it: a write by another client, expiry, {@code FLUSHALL}, the slot
 * moving to another node, and the loss of the connection that tracked the key. "Another client" is the backend's admin
 * connection; whether a read reached the node is measured with the node's {@code total_commands_processed}, against a
 * baseline of two back-to-back INFO calls (the client's periodic refresh is off, so nothing else talks to the node).
 */
public abstract class CachingBehaviour {

    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final String CLIENT_NAME = "slotwise-cache-it";

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected CachingBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    private ObservedClient connect(CacheEventCounts counts) {
        return ObservedClient.connect(
                backend,
                builder -> builder.clientSideCache(ClientSideCacheOptions.defaults())
                        .topologyRefreshPeriod(Duration.ZERO)
                        .clientName(CLIENT_NAME)
                        .eventListener(counts));
    }

    private static String keyOn(String prefix) {
        return KeyPerSlot.matching(prefix, 1, slot -> true).get(0);
    }

    private BackendNode owner(String key) {
        return backend.slotOwner(SlotHash.slot(key));
    }

    private long commandsProcessed(BackendNode node) {
        String info = backend.call(node, "INFO", "stats").text();
        for (String line : info.split("\r\n")) {
            if (line.startsWith("total_commands_processed:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new AssertionError("no total_commands_processed in INFO stats of " + node);
    }

    /** How many commands a node processed while {@code action} ran, beyond what two INFO calls alone cost. */
    private long commandsReaching(BackendNode node, Runnable action) {
        long first = commandsProcessed(node);
        long second = commandsProcessed(node);
        long infoCost = second - first;
        action.run();
        long third = commandsProcessed(node);
        return third - second - infoCost;
    }

    @Test
    void aRepeatedGetIsServedWithoutReachingTheNode() {
        CacheEventCounts counts = new CacheEventCounts();
        String key = keyOn("cache-repeat:");
        BackendNode node = owner(key);
        try (ObservedClient observed = connect(counts)) {
            AsyncCommands<String, String> commands = observed.commands();
            Calls.value(commands.set(key, "v1"));

            long miss = commandsReaching(node, () -> assertEquals("v1", Calls.value(commands.get(key))));
            long hit = commandsReaching(node, () -> assertEquals("v1", Calls.value(commands.get(key))));

            assertEquals(1, miss, "the first GET reaches the node");
            assertEquals(0, hit, "the second GET is served from the cache");
            assertEquals(1, counts.hits.get(), counts::toString);
            assertEquals(1, counts.misses.get(), counts::toString);
        }
    }

    @Test
    void aWriteByAnotherClientInvalidatesTheCachedValue() {
        CacheEventCounts counts = new CacheEventCounts();
        String key = keyOn("cache-other-writer:");
        BackendNode node = owner(key);
        try (ObservedClient observed = connect(counts)) {
            AsyncCommands<String, String> commands = observed.commands();
            Calls.value(commands.set(key, "v1"));
            assertEquals("v1", Calls.value(commands.get(key)));
            assertEquals("v1", Calls.value(commands.get(key)));
            assertEquals(1, counts.hits.get(), counts::toString);

            backend.call(node, "SET", key, "v2");

            Await.until(
                    "the node's invalidation arrived", AWAIT, () -> counts.invalidated.get() >= 1, counts::toString);
            assertEquals("v2", Calls.value(commands.get(key)));
            long hit = commandsReaching(node, () -> assertEquals("v2", Calls.value(commands.get(key))));
            assertEquals(0, hit, "the new value is cached in turn");
        }
    }

    @Test
    void anExpiredKeyIsNoLongerServed() {
        CacheEventCounts counts = new CacheEventCounts();
        String key = keyOn("cache-expiry:");
        BackendNode node = owner(key);
        try (ObservedClient observed = connect(counts)) {
            AsyncCommands<String, String> commands = observed.commands();
            backend.call(node, "SET", key, "short-lived", "PX", 300);
            assertEquals("short-lived", Calls.value(commands.get(key)));
            assertEquals("short-lived", Calls.value(commands.get(key)));
            assertEquals(1, counts.hits.get(), counts::toString);

            Await.until(
                    "the node expired the key and told the client",
                    AWAIT,
                    () -> counts.invalidated.get() >= 1,
                    counts::toString);
            assertNull(Calls.value(commands.get(key)));
        }
    }

    @Test
    void flushAllOnEveryPrimaryDropsEveryCachedValue() {
        CacheEventCounts counts = new CacheEventCounts();
        List<String> keys = KeyPerSlot.matching("cache-flush:", 12, slot -> true);
        try (ObservedClient observed = connect(counts)) {
            AsyncCommands<String, String> commands = observed.commands();
            for (String key : keys) {
                Calls.value(commands.set(key, "before"));
                assertEquals("before", Calls.value(commands.get(key)));
            }
            for (BackendNode primary : backend.primaries()) {
                backend.call(primary, "FLUSHALL");
            }

            Await.until(
                    "every cached value was dropped",
                    AWAIT,
                    () -> counts.invalidated.get() >= keys.size(),
                    counts::toString);
            List<String> after = new ArrayList<>();
            for (String key : keys) {
                after.add(Calls.value(commands.get(key)));
            }
            assertEquals(keys.stream().map(key -> (String) null).toList(), after);
        }
    }

    @Test
    void aSlotMovedToAnotherNodeServesTheNewOwnersValue() {
        CacheEventCounts counts = new CacheEventCounts();
        String key = keyOn("cache-moving:");
        int slot = SlotHash.slot(key);
        BackendNode source = owner(key);
        BackendNode target = backend.primaries().stream()
                .filter(node -> !node.equals(source))
                .findFirst()
                .orElseThrow();
        try (ObservedClient observed = connect(counts)) {
            AsyncCommands<String, String> commands = observed.commands();
            Calls.value(commands.set(key, "on-source"));
            assertEquals("on-source", Calls.value(commands.get(key)));

            SlotMigration migration = backend.beginMigration(slot, source, target);
            while (migration.migrateBatch(10) > 0) {
                // moves every key of the slot
            }
            migration.finish(backend.primaries());
            backend.call(target, "SET", key, "on-target");

            Await.until(
                    "the source told the client that the key left",
                    AWAIT,
                    () -> counts.invalidated.get() >= 1,
                    counts::toString);
            assertEquals("on-target", Calls.value(commands.get(key)));
            assertTrue(observed.redirects(RedirectKind.MOVED) >= 1, "the read went to the node and was redirected");
            assertEquals("on-target", Calls.value(commands.get(key)));
            assertEquals(target, backend.slotOwner(slot));
        }
    }

    @Test
    void aLostConnectionDropsWhatItsNodeSent() {
        CacheEventCounts counts = new CacheEventCounts();
        String key = keyOn("cache-lost:");
        BackendNode node = owner(key);
        try (ObservedClient observed = connect(counts)) {
            AsyncCommands<String, String> commands = observed.commands();
            Calls.value(commands.set(key, "before"));
            assertEquals("before", Calls.value(commands.get(key)));

            long killed =
                    backend.call(node, "CLIENT", "KILL", "ID", clientId(node)).integer();
            assertEquals(1, killed);
            Await.until("the client noticed the lost connection", AWAIT, () -> counts.disconnects.get() >= 1);
            backend.call(node, "SET", key, "written-while-untracked");

            assertEquals("written-while-untracked", Calls.value(commands.get(key)));
            assertTrue(counts.invalidated.get() >= 1, counts::toString);
        }
    }

    /** The id of the client under test's connection to {@code node}, from CLIENT LIST. */
    private long clientId(BackendNode node) {
        RespReply list = backend.call(node, "CLIENT", "LIST");
        for (String line : list.text().split("\n")) {
            if (line.contains(" name=" + CLIENT_NAME + " ")) {
                for (String field : line.split(" ")) {
                    if (field.startsWith("id=")) {
                        return Long.parseLong(field.substring(3));
                    }
                }
            }
        }
        throw new AssertionError("no connection named " + CLIENT_NAME + " on " + node + ": " + list.text());
    }
}

package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.FlushMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Calls every method of {@link io.slotwise.api.ServerCommands}, and {@code RANDOMKEY} of the key family, against a
 * live cluster: {@code TIME} decodes to an {@link Instant} near the local clock, {@code INFO} to its text in either
 * protocol (RESP3 sends it as a verbatim string), and {@code DBSIZE} and the flushes cover every primary. Deletes
 * every key of the cluster.
 */
final class ServerFamilyCalls {

    private static final int SPREAD = 30;
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final AsyncCommands<String, String> c;
    private final String prefix;

    /** Calls through {@code c}, on keys starting with {@code prefix} (unique to the caller). */
    ServerFamilyCalls(AsyncCommands<String, String> c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** PING, ECHO, TIME, INFO with and without a section. */
    void nodeState() {
        assertEquals("PONG", value(c.ping()));
        assertEquals("hello " + prefix, value(c.echo("hello " + prefix)));
        assertEquals("", value(c.echo("")));

        Instant before = Instant.now();
        Instant time = value(c.time());
        assertTrue(
                Duration.between(before, time).abs().compareTo(CLOCK_TOLERANCE) < 0,
                "node time " + time + " is near local time " + before);
        assertTrue(time.getNano() % 1_000 == 0, "microsecond precision");

        String info = value(c.info());
        assertTrue(info.startsWith("# Server"), info);
        assertTrue(info.contains("\r\nredis_version:"), info);
        assertTrue(info.contains("\r\ncluster_enabled:1"), info);
        String keyspace = value(c.info("keyspace"));
        assertTrue(keyspace.startsWith("# Keyspace"), keyspace);
        assertTrue(!keyspace.contains("# Server"), keyspace);
    }

    /** FLUSHALL and FLUSHDB in both forms empty every primary; DBSIZE sums them; RANDOMKEY reads one node. */
    void flushesAndKeyCounts() {
        assertEquals("OK", value(c.flushall()));
        assertEquals(0L, value(c.dbsize()));
        assertNull(value(c.randomkey()), "no node holds a key");

        List<String> keys = fill("flushdb");
        assertEquals((long) SPREAD, value(c.dbsize()));
        assertTrue(keys.contains(value(c.randomkey())), "a key of the node it asked");
        assertEquals("OK", value(c.flushdb()));
        assertEquals(0L, value(c.dbsize()));

        fill("flushall-async");
        assertEquals("OK", value(c.flushall(FlushMode.ASYNC)));
        awaitZeroKeys(() -> value(c.dbsize()));
        fill("flushdb-sync");
        assertEquals("OK", value(c.flushdb(FlushMode.SYNC)));
        assertEquals(0L, value(c.dbsize()));
        fill("flushdb-async");
        assertEquals("OK", value(c.flushdb(FlushMode.ASYNC)));
        awaitZeroKeys(() -> value(c.dbsize()));
        fill("flushall-sync");
        assertEquals("OK", value(c.flushall(FlushMode.SYNC)));
        assertEquals(0L, value(c.dbsize()));
    }

    private List<String> fill(String name) {
        List<String> keys = KeyPerSlot.matching(prefix + "server:" + name + ":", SPREAD, slot -> true);
        Map<String, String> pairs = new LinkedHashMap<>();
        keys.forEach(key -> pairs.put(key, name));
        assertEquals("OK", value(c.mset(pairs)));
        return keys;
    }

    private static void awaitZeroKeys(Supplier<Long> dbsize) {
        Await.until("every primary is empty", Calls.LIMIT, () -> dbsize.get() == 0L);
    }
}

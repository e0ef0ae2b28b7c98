package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.value.KeyValue;
import io.slotwise.value.ScanPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls every method of {@link io.slotwise.api.HashCommands} against a live cluster: {@code HGETALL} decodes to a map
 * in the server's order (the order {@code HKEYS} and {@code HVALS} report), missing fields and keys read as {@code null}
 * or empty, and {@code HSCAN} pages through a large hash with the server's cursors.
 */
final class HashFamilyCalls {

    private static final int LARGE = 600; // above hash-max-listpack-entries (512), so HSCAN pages

    private final AsyncCommands<String, String> c;
    private final String prefix;

    /** Calls through {@code c}, on keys starting with {@code prefix} (unique to the caller). */
    HashFamilyCalls(AsyncCommands<String, String> c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** HSET, HSETNX, HGET, HMGET, HGETALL, HKEYS, HVALS, HLEN, HSTRLEN, HEXISTS, HDEL. */
    void fieldsAndValues() {
        String key = prefix + "hash:fields";
        String missing = prefix + "hash:missing";
        assertEquals(1L, value(c.hset(key, "f1", "one")));
        assertEquals(0L, value(c.hset(key, "f1", "uno")), "an update adds nothing");
        Map<String, String> more = new LinkedHashMap<>();
        more.put("f2", "two");
        more.put("f3", "three");
        more.put("f1", "one");
        assertEquals(2L, value(c.hset(key, more)));
        assertTrue(value(c.hsetnx(key, "f4", "four")));
        assertFalse(value(c.hsetnx(key, "f4", "quattro")));

        assertEquals("two", value(c.hget(key, "f2")));
        assertNull(value(c.hget(key, "nope")));
        assertNull(value(c.hget(missing, "f1")));
        assertEquals(Arrays.asList("one", null, "four"), value(c.hmget(key, List.of("f1", "nope", "f4"))));
        assertEquals(Arrays.asList(null, null), value(c.hmget(missing, List.of("f1", "f2"))));

        Map<String, String> all = value(c.hgetall(key));
        assertEquals(Map.of("f1", "one", "f2", "two", "f3", "three", "f4", "four"), all);
        assertEquals(value(c.hkeys(key)), new ArrayList<>(all.keySet()), "HGETALL keeps the server's order");
        assertEquals(value(c.hvals(key)), new ArrayList<>(all.values()));
        assertEquals(Map.of(), value(c.hgetall(missing)));
        assertEquals(List.of(), value(c.hkeys(missing)));
        assertEquals(List.of(), value(c.hvals(missing)));

        assertEquals(4L, value(c.hlen(key)));
        assertEquals(0L, value(c.hlen(missing)));
        assertEquals(5L, value(c.hstrlen(key, "f3")));
        assertEquals(0L, value(c.hstrlen(key, "nope")));
        assertTrue(value(c.hexists(key, "f3")));
        assertFalse(value(c.hexists(key, "nope")));
        assertFalse(value(c.hexists(missing, "f3")));

        assertEquals(1L, value(c.hdel(key, "f4")));
        assertEquals(0L, value(c.hdel(key, "f4")));
        assertEquals(2L, value(c.hdel(key, List.of("f1", "f2", "nope"))));
        assertEquals(Map.of("f3", "three"), value(c.hgetall(key)));
    }

    /** HINCRBY returns a {@code Long}, HINCRBYFLOAT a {@code Double}. */
    void counters() {
        String key = prefix + "hash:counters";
        assertEquals(5L, value(c.hincrby(key, "n", 5)));
        assertEquals(-2L, value(c.hincrby(key, "n", -7)));
        assertEquals(0.5, value(c.hincrbyfloat(key, "x", 0.5)));
        assertEquals(-1.75, value(c.hincrbyfloat(key, "x", -2.25)));
        assertEquals("-1.75", value(c.hget(key, "x")));
    }

    /** HSCAN of a small hash answers in one page; of a large one over several, until cursor 0. */
    void scans() {
        String small = prefix + "hash:scan-small";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("alpha", "1");
        fields.put("beta", "2");
        fields.put("alps", "3");
        assertEquals(3L, value(c.hset(small, fields)));
        ScanPage<KeyValue<String, String>> page = value(c.hscan(small, ScanPage.INITIAL_CURSOR));
        assertTrue(page.isFinished());
        assertEquals(fields, toMap(page.elements()));
        ScanPage<KeyValue<String, String>> matching = value(c.hscan(
                small,
                ScanPage.INITIAL_CURSOR,
                ScanArgs.builder().match("al*").count(10).build()));
        assertEquals(Map.of("alpha", "1", "alps", "3"), toMap(matching.elements()));
        assertTrue(value(c.hscan(prefix + "hash:scan-missing", ScanPage.INITIAL_CURSOR))
                .elements()
                .isEmpty());

        String large = prefix + "hash:scan-large";
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < LARGE; i++) {
            many.put("field-" + i, "value-" + i);
        }
        assertEquals((long) LARGE, value(c.hset(large, many)));
        Map<String, String> seen = new LinkedHashMap<>();
        String cursor = ScanPage.INITIAL_CURSOR;
        int pages = 0;
        do {
            ScanPage<KeyValue<String, String>> next =
                    value(c.hscan(large, cursor, ScanArgs.builder().count(50).build()));
            seen.putAll(toMap(next.elements()));
            cursor = next.cursor();
            pages++;
        } while (!ScanPage.INITIAL_CURSOR.equals(cursor));
        assertEquals(many, seen);
        assertTrue(pages > 1, "a hash of " + LARGE + " fields scanned with COUNT 50 takes several pages");
    }

    private static Map<String, String> toMap(List<KeyValue<String, String>> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(entry.key(), entry.value()));
        return map;
    }
}

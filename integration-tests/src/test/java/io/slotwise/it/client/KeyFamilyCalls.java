package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisCommandException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.ExpireCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls every method of {@link io.slotwise.api.KeyCommands} against a live cluster: the split commands ({@code DEL},
 * {@code UNLINK}, {@code EXISTS}, {@code TOUCH}) over keys of many slots sum their counts, expiries honour their
 * conditions, and renaming, copying and dump/restore keep values.
 */
final class KeyFamilyCalls {

    private static final int SPREAD = 40;

    private final AsyncCommands<String, String> c;
    private final String prefix;

    /** Calls through {@code c}, on keys starting with {@code prefix} (unique to the caller). */
    KeyFamilyCalls(AsyncCommands<String, String> c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** EXISTS, TOUCH, UNLINK and DEL over many slots, in all their overloads; KEYS asks every primary. */
    void splitCommandsAcrossSlots() {
        List<String> keys = KeyPerSlot.matching(prefix + "key:spread:", SPREAD, slot -> true);
        Map<String, String> pairs = new LinkedHashMap<>();
        keys.forEach(key -> pairs.put(key, "x"));
        assertEquals("OK", value(c.mset(pairs)));
        String missing = prefix + "key:spread-missing";

        assertEquals(Set.copyOf(keys), new HashSet<>(value(c.keys(prefix + "key:spread:*"))), "KEYS of every primary");
        assertEquals(List.of(), value(c.keys(prefix + "key:nothing-like-this:*")));

        List<String> withDuplicateAndMissing = new ArrayList<>(keys);
        withDuplicateAndMissing.add(keys.get(0));
        withDuplicateAndMissing.add(missing);
        assertEquals(SPREAD + 1L, value(c.exists(withDuplicateAndMissing)), "a key given twice counts twice");
        assertEquals(1L, value(c.exists(keys.get(5))));
        assertEquals(0L, value(c.exists(missing)));
        assertEquals(2L, value(c.exists(keys.get(1), missing, keys.get(2))));

        assertEquals((long) SPREAD, value(c.touch(withDuplicateAndMissing.subList(0, SPREAD))));
        assertEquals(1L, value(c.touch(keys.get(9), missing)));

        assertEquals(10L, value(c.unlink(keys.subList(0, 10))));
        assertEquals(1L, value(c.unlink(keys.get(10), missing)));
        assertEquals(0L, value(c.unlink(List.of(missing))));

        assertEquals(1L, value(c.del(keys.get(11))));
        assertEquals(0L, value(c.del(keys.get(11))));
        assertEquals(2L, value(c.del(keys.get(12), keys.get(13), missing)));
        assertEquals(SPREAD - 14L, value(c.del(keys)));
        assertEquals(0L, value(c.exists(keys)));
    }

    /** TYPE names every value type; a missing key is {@code none}. */
    void types() {
        String tag = prefix + "key:type:";
        assertEquals("OK", value(c.set(tag + "string", "s")));
        assertEquals(1L, value(c.rpush(tag + "list", "l")));
        assertEquals(1L, value(c.sadd(tag + "set", "m")));
        assertEquals(1L, value(c.zadd(tag + "zset", 1.0, "m")));
        assertEquals(1L, value(c.hset(tag + "hash", "f", "v")));
        for (String type : List.of("string", "list", "set", "zset", "hash")) {
            assertEquals(type, value(c.type(tag + type)));
        }
        assertEquals("none", value(c.type(tag + "missing")));
    }

    /** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with and without conditions; TTL, PTTL, PERSIST. */
    void expiries() {
        String key = prefix + "key:ttl";
        String missing = prefix + "key:ttl-missing";
        assertEquals("OK", value(c.set(key, "v")));
        assertEquals(-1L, value(c.ttl(key)));
        assertEquals(-1L, value(c.pttl(key)));
        assertEquals(-2L, value(c.ttl(missing)));
        assertEquals(-2L, value(c.pttl(missing)));
        assertFalse(value(c.expire(missing, 100)));
        assertFalse(value(c.persist(key)), "no expiry to remove");

        assertFalse(value(c.expire(key, 100, ExpireCondition.XX)), "XX: no expiry yet");
        assertFalse(value(c.expire(key, 100, ExpireCondition.GT)), "GT: no expiry counts as infinite");
        assertTrue(value(c.expire(key, 100, ExpireCondition.NX)));
        assertTtlWithin(key, 90, 100);
        assertFalse(value(c.expire(key, 50, ExpireCondition.NX)));
        assertFalse(value(c.expire(key, 50, ExpireCondition.GT)));
        assertTrue(value(c.expire(key, 200, ExpireCondition.GT)));
        assertTtlWithin(key, 190, 200);
        assertTrue(value(c.expire(key, 150)));
        assertTtlWithin(key, 140, 150);

        assertTrue(value(c.pexpire(key, 120_000)));
        assertPttlWithin(key, 110_000, 120_000);
        assertFalse(value(c.pexpire(key, 130_000, ExpireCondition.LT)));
        assertTrue(value(c.pexpire(key, 80_000, ExpireCondition.LT)));
        assertPttlWithin(key, 70_000, 80_000);
        assertFalse(value(c.pexpire(missing, 1000)));

        Instant now = Instant.now();
        assertTrue(value(c.expireat(key, now.plusSeconds(300).getEpochSecond())));
        assertTtlWithin(key, 290, 300);
        assertFalse(value(c.expireat(key, now.plusSeconds(100).getEpochSecond(), ExpireCondition.GT)));
        assertTrue(value(c.expireat(key, now.plusSeconds(400).getEpochSecond(), ExpireCondition.XX)));
        assertTtlWithin(key, 390, 400);
        assertFalse(value(c.expireat(missing, now.plusSeconds(400).getEpochSecond())));

        assertTrue(value(c.pexpireat(key, now.plus(Duration.ofSeconds(60)).toEpochMilli())));
        assertPttlWithin(key, 50_000, 60_000);
        assertTrue(value(c.pexpireat(key, now.plusSeconds(30).toEpochMilli(), ExpireCondition.LT)));
        assertPttlWithin(key, 20_000, 30_000);
        assertFalse(value(c.pexpireat(key, now.plusSeconds(40).toEpochMilli(), ExpireCondition.NX)));

        assertTrue(value(c.persist(key)));
        assertEquals(-1L, value(c.ttl(key)));
        assertTrue(value(c.expire(key, 0)), "a zero TTL deletes the key");
        assertEquals(0L, value(c.exists(key)));
    }

    /** RENAME, RENAMENX, COPY and COPY REPLACE on keys sharing a hash tag. */
    void renameAndCopy() {
        String tag = "{" + prefix + "rename}";
        assertEquals("OK", value(c.set(tag + "a", "A")));
        assertEquals("OK", value(c.rename(tag + "a", tag + "b")));
        assertNull(value(c.get(tag + "a")));
        assertEquals("A", value(c.get(tag + "b")));
        RedisCommandException noSuchKey =
                (RedisCommandException) Calls.failure(c.rename(tag + "a", tag + "c"), Calls.LIMIT);
        assertEquals("ERR", noSuchKey.code());

        assertEquals("OK", value(c.set(tag + "c", "C")));
        assertFalse(value(c.renamenx(tag + "b", tag + "c")));
        assertTrue(value(c.renamenx(tag + "b", tag + "d")));

        assertTrue(value(c.copy(tag + "d", tag + "e")));
        assertFalse(value(c.copy(tag + "d", tag + "c")), "the destination exists");
        assertFalse(value(c.copy(tag + "missing", tag + "f")));
        assertEquals("C", value(c.get(tag + "c")));
        assertTrue(value(c.copyReplacing(tag + "d", tag + "c")));
        assertEquals("A", value(c.get(tag + "c")));
        assertEquals("A", value(c.get(tag + "e")));
    }

    /** DUMP gives bytes that RESTORE accepts; RESTORE refuses an existing key unless replacing. */
    void dumpAndRestore() {
        String source = prefix + "key:dump";
        String copy = prefix + "key:restored";
        assertNull(value(c.dump(prefix + "key:dump-missing")));
        assertEquals(3L, value(c.rpush(source, List.of("a", "b", "c"))));
        byte[] serialized = value(c.dump(source));
        assertNotNull(serialized);
        assertTrue(serialized.length > 3);

        assertEquals("OK", value(c.restore(copy, 0, serialized)));
        assertEquals(List.of("a", "b", "c"), value(c.lrange(copy, 0, -1)));
        assertEquals(-1L, value(c.ttl(copy)));
        RedisCommandException busy = (RedisCommandException) Calls.failure(c.restore(copy, 0, serialized), Calls.LIMIT);
        assertEquals("BUSYKEY", busy.code());

        assertEquals(4L, value(c.rpush(copy, "d")));
        assertEquals("OK", value(c.restoreReplacing(copy, 60_000, serialized)));
        assertEquals(List.of("a", "b", "c"), value(c.lrange(copy, 0, -1)));
        assertPttlWithin(copy, 50_000, 60_000);
        assertArrayEquals(serialized, value(c.dump(source)), "DUMP of an unchanged value is stable");
    }

    private void assertTtlWithin(String key, long low, long high) {
        long ttl = value(c.ttl(key));
        assertTrue(ttl >= low && ttl <= high, key + " has TTL " + ttl + ", expected in [" + low + ", " + high + "]");
    }

    private void assertPttlWithin(String key, long low, long high) {
        long pttl = value(c.pttl(key));
        assertTrue(
                pttl >= low && pttl <= high, key + " has PTTL " + pttl + ", expected in [" + low + ", " + high + "]");
    }
}

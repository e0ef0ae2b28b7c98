package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.Expiry;
import io.slotwise.api.args.SetOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls every method of {@link io.slotwise.api.StringCommands} against a live cluster and checks the decoded values:
 * {@code null} for missing keys and unmet conditions, {@code Double} for float increments, the caller's order for
 * {@code MGET} split over many slots.
 */
final class StringFamilyCalls {

    private static final int SPREAD = 40;

    private final AsyncCommands<String, String> c;
    private final String prefix;

    /** Calls through {@code c}, on keys starting with {@code prefix} (unique to the caller). */
    StringFamilyCalls(AsyncCommands<String, String> c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** Plain and conditional SET, SET ... GET, SETNX, SETEX, PSETEX, GETSET, GETDEL, GETEX. */
    void setAndGetVariants() {
        String key = prefix + "str:set";
        String missing = prefix + "str:missing";
        assertNull(value(c.get(key)));
        assertEquals("OK", value(c.set(key, "v1")));
        assertEquals("v1", value(c.get(key)));

        assertNull(value(c.set(key, "nx", SetOptions.builder().nx().build())), "NX on an existing key");
        assertEquals("v1", value(c.get(key)));
        assertNull(value(c.set(missing, "xx", SetOptions.builder().xx().build())), "XX on a missing key");
        assertEquals(0L, value(c.exists(missing)));
        SetOptions xxWithTtl = SetOptions.builder().xx().expiry(Expiry.ex(100)).build();
        assertEquals("OK", value(c.set(key, "v2", xxWithTtl)));
        assertTtlWithin(key, 100);
        SetOptions keepTtl = SetOptions.builder().expiry(Expiry.keepTtl()).build();
        assertEquals("OK", value(c.set(key, "v3", keepTtl)));
        assertTtlWithin(key, 100);
        assertEquals("OK", value(c.set(key, "v3", SetOptions.none())));
        assertEquals(-1L, value(c.ttl(key)), "a plain SET clears the expiry");

        assertEquals("v3", value(c.setGet(key, "v4")));
        assertNull(value(c.setGet(missing, "created")));
        assertEquals("created", value(c.getdel(missing)));
        SetOptions nx = SetOptions.builder().nx().build();
        assertEquals("v4", value(c.setGet(key, "not set", nx)), "NX GET returns the old value, sets nothing");
        assertEquals("v4", value(c.get(key)));
        SetOptions inAMinute =
                SetOptions.builder().expiry(Expiry.in(Duration.ofMinutes(1))).build();
        assertNull(value(c.setGet(missing, "fresh", inAMinute)));
        assertPttlWithin(missing, 60_000);

        assertFalse(value(c.setnx(key, "ignored")));
        String setnxKey = prefix + "str:setnx";
        assertTrue(value(c.setnx(setnxKey, "first")));
        assertEquals("first", value(c.get(setnxKey)));

        assertEquals("OK", value(c.setex(key, 100, "ex")));
        assertTtlWithin(key, 100);
        assertEquals("OK", value(c.psetex(key, 90_000, "px")));
        assertPttlWithin(key, 90_000);
        assertEquals("px", value(c.getset(key, "gs")));
        assertEquals(-1L, value(c.ttl(key)), "GETSET clears the expiry");
        assertNull(value(c.getset(prefix + "str:getset-new", "x")));

        assertEquals("gs", value(c.getex(key, Expiry.px(50_000))));
        assertPttlWithin(key, 50_000);
        assertEquals("gs", value(c.getex(key, Expiry.persist())));
        assertEquals(-1L, value(c.ttl(key)));
        long inAnHour = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        assertEquals("gs", value(c.getex(key, Expiry.exAt(inAnHour))));
        assertTtlWithin(key, 3600);
        assertEquals("gs", value(c.getex(key, Expiry.at(Instant.now().plusSeconds(120)))));
        assertTtlWithin(key, 120);
        long pxAt = Instant.now().plusSeconds(30).toEpochMilli();
        assertEquals(
                "OK",
                value(c.set(
                        key,
                        "pxat",
                        SetOptions.builder().expiry(Expiry.pxAt(pxAt)).build())));
        assertPttlWithin(key, 30_000);
        assertNull(value(c.getex(prefix + "str:nothing", Expiry.ex(5))));

        assertEquals("pxat", value(c.getdel(key)));
        assertNull(value(c.getdel(key)));
        assertNull(value(c.get(key)));
    }

    /** MSET and MGET over keys of many slots (split and merged in the caller's order), MSETNX in one slot. */
    void multiKeyCommandsAcrossSlots() {
        List<String> keys = KeyPerSlot.matching(prefix + "str:spread:", SPREAD, slot -> true);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String key : keys) {
            pairs.put(key, "value of " + key);
        }
        assertEquals("OK", value(c.mset(pairs)));

        List<String> asked = new ArrayList<>(keys);
        asked.add(prefix + "str:spread:missing");
        asked.add(keys.get(3));
        List<String> expected = new ArrayList<>(pairs.values());
        expected.add(null);
        expected.add(pairs.get(keys.get(3)));
        assertEquals(expected, value(c.mget(asked)));
        assertEquals(
                Arrays.asList(pairs.get(keys.get(7)), null, pairs.get(keys.get(0))),
                value(c.mget(keys.get(7), prefix + "str:other-missing", keys.get(0))));

        String tag = "{" + prefix + "msetnx}";
        Map<String, String> sameSlot = new LinkedHashMap<>();
        sameSlot.put(tag + "a", "1");
        sameSlot.put(tag + "b", "2");
        assertTrue(value(c.msetnx(sameSlot)));
        Map<String, String> oneExists = new LinkedHashMap<>();
        oneExists.put(tag + "c", "3");
        oneExists.put(tag + "a", "overwritten?");
        assertFalse(value(c.msetnx(oneExists)));
        assertEquals(Arrays.asList("1", "2", null), value(c.mget(List.of(tag + "a", tag + "b", tag + "c"))));
        assertThrows(CrossSlotException.class, () -> c.msetnx(pairs));
    }

    /** INCR and friends return the new value; INCRBYFLOAT returns a {@code Double}. */
    void counters() {
        String key = prefix + "str:counter";
        assertEquals(1L, value(c.incr(key)));
        assertEquals(11L, value(c.incrby(key, 10)));
        assertEquals(10L, value(c.decr(key)));
        assertEquals(-5L, value(c.decrby(key, 15)));
        assertEquals(-3.75, value(c.incrbyfloat(key, 1.25)));
        assertEquals(0.0, value(c.incrbyfloat(key, 3.75)));
        assertEquals("0", value(c.get(key)));
        assertEquals(1.0E10, value(c.incrbyfloat(prefix + "str:float", 1.0E10)));
    }

    /** APPEND, STRLEN, GETRANGE and SETRANGE work on bytes; missing keys read as empty. */
    void rangesAndLengths() {
        String key = prefix + "str:range";
        assertEquals(2L, value(c.append(key, "ab")));
        assertEquals(4L, value(c.append(key, "cd")));
        assertEquals(4L, value(c.strlen(key)));
        assertEquals(0L, value(c.strlen(prefix + "str:range-missing")));
        assertEquals("ab", value(c.getrange(key, 0, 1)));
        assertEquals("cd", value(c.getrange(key, -2, -1)));
        assertEquals("", value(c.getrange(key, 10, 20)));
        assertEquals("", value(c.getrange(prefix + "str:range-missing", 0, -1)));
        assertEquals(4L, value(c.setrange(key, 1, "XY")));
        assertEquals("aXYd", value(c.get(key)));
        String padded = prefix + "str:padded";
        assertEquals(3L, value(c.setrange(padded, 2, "Z")));
        assertEquals("\0\0Z", value(c.get(padded)));
    }

    private void assertTtlWithin(String key, long seconds) {
        long ttl = value(c.ttl(key));
        assertTrue(ttl > 0 && ttl <= seconds, key + " has TTL " + ttl + ", expected in (0, " + seconds + "]");
    }

    private void assertPttlWithin(String key, long milliseconds) {
        long pttl = value(c.pttl(key));
        assertTrue(
                pttl > 0 && pttl <= milliseconds,
                key + " has PTTL " + pttl + ", expected in (0, " + milliseconds + "]");
    }
}

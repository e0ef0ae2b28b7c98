package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.value.ScanPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Calls every method of {@link io.slotwise.api.SetCommands} against a live cluster: membership, random picks, the
 * algebra over keys sharing a hash tag (and its {@code STORE} variants), and {@code SSCAN} over several pages.
 */
final class SetFamilyCalls {

    private static final int LARGE = 300;

    private final AsyncCommands<String, String> c;
    private final String prefix;

    /** Calls through {@code c}, on keys starting with {@code prefix} (unique to the caller). */
    SetFamilyCalls(AsyncCommands<String, String> c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** SADD, SREM, SMEMBERS, SISMEMBER, SMISMEMBER, SCARD, SPOP, SRANDMEMBER. */
    void membership() {
        String key = prefix + "set:members";
        String missing = prefix + "set:missing";
        assertEquals(1L, value(c.sadd(key, "a")));
        assertEquals(0L, value(c.sadd(key, "a")));
        assertEquals(3L, value(c.sadd(key, List.of("b", "c", "d", "b"))));
        assertEquals(Set.of("a", "b", "c", "d"), value(c.smembers(key)));
        assertEquals(Set.of(), value(c.smembers(missing)));
        assertTrue(value(c.sismember(key, "c")));
        assertFalse(value(c.sismember(key, "z")));
        assertFalse(value(c.sismember(missing, "c")));
        assertEquals(List.of(true, false, true), value(c.smismember(key, List.of("a", "z", "d"))));
        assertEquals(List.of(false), value(c.smismember(missing, List.of("a"))));
        assertEquals(4L, value(c.scard(key)));
        assertEquals(0L, value(c.scard(missing)));

        assertEquals(1L, value(c.srem(key, "d")));
        assertEquals(0L, value(c.srem(key, "d")));
        assertEquals(1L, value(c.srem(key, List.of("c", "z"))));
        Set<String> remaining = Set.of("a", "b");
        assertTrue(remaining.contains(value(c.srandmember(key))));
        assertNull(value(c.srandmember(missing)));
        assertEquals(remaining, new HashSet<>(value(c.srandmember(key, 5))), "a positive count: distinct members");
        List<String> repeated = value(c.srandmember(key, -6));
        assertEquals(6, repeated.size(), "a negative count may repeat members");
        assertTrue(remaining.containsAll(repeated));
        assertEquals(List.of(), value(c.srandmember(missing, 3)));

        String popped = value(c.spop(key));
        assertTrue(remaining.contains(popped));
        Set<String> rest = value(c.spop(key, 5));
        assertEquals(1, rest.size());
        assertFalse(rest.contains(popped));
        assertEquals(0L, value(c.exists(key)));
        assertNull(value(c.spop(missing)));
        assertEquals(Set.of(), value(c.spop(missing, 2)));
    }

    /** SINTER, SUNION, SDIFF, their STORE variants and SMOVE on keys sharing a hash tag. */
    void algebra() {
        String tag = "{" + prefix + "set-algebra}";
        String x = tag + "x";
        String y = tag + "y";
        String none = tag + "none";
        assertEquals(4L, value(c.sadd(x, List.of("1", "2", "3", "4"))));
        assertEquals(3L, value(c.sadd(y, List.of("3", "4", "5"))));

        assertEquals(Set.of("3", "4"), value(c.sinter(List.of(x, y))));
        assertEquals(Set.of(), value(c.sinter(List.of(x, none))));
        assertEquals(Set.of("1", "2", "3", "4", "5"), value(c.sunion(List.of(x, y, none))));
        assertEquals(Set.of("1", "2"), value(c.sdiff(List.of(x, y))));
        assertEquals(Set.of(), value(c.sdiff(List.of(none, x))));

        assertEquals(2L, value(c.sinterstore(tag + "inter", List.of(x, y))));
        assertEquals(Set.of("3", "4"), value(c.smembers(tag + "inter")));
        assertEquals(5L, value(c.sunionstore(tag + "union", List.of(x, y))));
        assertEquals(5L, value(c.scard(tag + "union")));
        assertEquals(2L, value(c.sdiffstore(tag + "diff", List.of(x, y))));
        assertEquals(Set.of("1", "2"), value(c.smembers(tag + "diff")));
        assertEquals(0L, value(c.sinterstore(tag + "diff", List.of(x, none))));
        assertEquals(0L, value(c.exists(tag + "diff")), "an empty result deletes the destination");

        assertTrue(value(c.smove(x, y, "1")));
        assertFalse(value(c.smove(x, y, "1")));
        assertFalse(value(c.smove(none, y, "1")));
        assertEquals(Set.of("1", "3", "4", "5"), value(c.smembers(y)));
    }

    /** SSCAN with and without MATCH and COUNT, through every page of a large set. */
    void scans() {
        String small = prefix + "set:scan-small";
        assertEquals(3L, value(c.sadd(small, List.of("apple", "avocado", "banana"))));
        ScanPage<String> page = value(c.sscan(small, ScanPage.INITIAL_CURSOR));
        assertTrue(page.isFinished());
        assertEquals(Set.of("apple", "avocado", "banana"), new HashSet<>(page.elements()));
        ScanPage<String> matching = value(c.sscan(
                small, ScanPage.INITIAL_CURSOR, ScanArgs.builder().match("a*").build()));
        assertEquals(Set.of("apple", "avocado"), new HashSet<>(matching.elements()));

        String large = prefix + "set:scan-large";
        List<String> members = new ArrayList<>();
        for (int i = 0; i < LARGE; i++) {
            members.add("member-" + i);
        }
        assertEquals((long) LARGE, value(c.sadd(large, members)));
        Set<String> seen = new HashSet<>();
        String cursor = ScanPage.INITIAL_CURSOR;
        int pages = 0;
        do {
            ScanPage<String> next =
                    value(c.sscan(large, cursor, ScanArgs.builder().count(40).build()));
            seen.addAll(next.elements());
            cursor = next.cursor();
            pages++;
        } while (!ScanPage.INITIAL_CURSOR.equals(cursor));
        assertEquals(new HashSet<>(members), seen);
        assertTrue(pages > 1, "several pages");
    }
}

package io.slotwise.it.client;

import static io.slotwise.it.client.Calls.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.LexBound;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.api.args.ScoreBound;
import io.slotwise.api.args.ZAddOptions;
import io.slotwise.api.args.ZRangeQuery;
import io.slotwise.value.ScanPage;
import io.slotwise.value.ScoredValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Calls every method of {@link io.slotwise.api.SortedSetCommands} against a live cluster: scores decode to the same
 * {@code Double}s in RESP2 (bulk strings) and RESP3 (doubles), infinities included; ranges by rank, score and lex,
 * reversed and limited, keep the server's order; missing members read as {@code null}.
 */
final class SortedSetFamilyCalls {

    private static final int LARGE = 300;

    private final AsyncCommands<String, String> c;
    private final String prefix;

    /** Calls through {@code c}, on keys starting with {@code prefix} (unique to the caller). */
    SortedSetFamilyCalls(AsyncCommands<String, String> c, String prefix) {
        this.c = c;
        this.prefix = prefix;
    }

    /** ZADD in every form, ZADD INCR, ZINCRBY, ZSCORE, ZMSCORE, ZCARD, ZREM. */
    void addsAndScores() {
        String key = prefix + "zset:scores";
        String missing = prefix + "zset:missing";
        assertEquals(1L, value(c.zadd(key, 1.5, "a")));
        assertEquals(0L, value(c.zadd(key, 2.5, "a")), "an update adds nothing");
        assertEquals(
                2L,
                value(c.zadd(
                        key,
                        List.of(
                                ScoredValue.of(Double.NEGATIVE_INFINITY, "low"),
                                ScoredValue.of(Double.POSITIVE_INFINITY, "high"),
                                ScoredValue.of(7, "a")))));
        assertEquals(7.0, value(c.zscore(key, "a")));
        assertEquals(Double.POSITIVE_INFINITY, value(c.zscore(key, "high")));
        assertEquals(Double.NEGATIVE_INFINITY, value(c.zscore(key, "low")));
        assertNull(value(c.zscore(key, "nope")));
        assertNull(value(c.zscore(missing, "a")));
        assertEquals(
                Arrays.asList(7.0, null, Double.POSITIVE_INFINITY),
                value(c.zmscore(key, List.of("a", "nope", "high"))));
        assertEquals(Arrays.asList((Double) null), value(c.zmscore(missing, List.of("a"))));

        ZAddOptions nx = ZAddOptions.builder().nx().build();
        assertEquals(1L, value(c.zadd(key, nx, List.of(ScoredValue.of(3, "b"), ScoredValue.of(100, "a")))));
        assertEquals(7.0, value(c.zscore(key, "a")), "NX leaves existing members alone");
        ZAddOptions xxGtCh = ZAddOptions.builder().xx().gt().ch().build();
        assertEquals(
                1L,
                value(c.zadd(
                        key, xxGtCh, List.of(ScoredValue.of(1, "a"), ScoredValue.of(4, "b"), ScoredValue.of(9, "c")))),
                "CH counts the changed member; GT keeps a's higher score; XX adds nothing");
        assertEquals(Arrays.asList(7.0, 4.0, null), value(c.zmscore(key, List.of("a", "b", "c"))));
        ZAddOptions lt = ZAddOptions.builder().lt().build();
        assertEquals(0L, value(c.zadd(key, lt, List.of(ScoredValue.of(2, "b")))));
        assertEquals(2.0, value(c.zscore(key, "b")));

        assertEquals(2.25, value(c.zaddIncr(key, ZAddOptions.none(), 0.25, "b")));
        assertNull(value(c.zaddIncr(key, nx, 1, "b")), "NX stops the update");
        assertNull(value(c.zaddIncr(key, ZAddOptions.builder().gt().build(), -1, "b")), "GT refuses a decrease");
        assertEquals(0.5, value(c.zaddIncr(key, ZAddOptions.builder().nx().build(), 0.5, "d")));
        assertEquals(-0.75, value(c.zincrby(key, -1.25, "d")));
        assertEquals(10.0, value(c.zincrby(key, 10, "new")));

        assertEquals(6L, value(c.zcard(key)));
        assertEquals(0L, value(c.zcard(missing)));
        assertEquals(1L, value(c.zrem(key, "new")));
        assertEquals(0L, value(c.zrem(key, "new")));
        assertEquals(2L, value(c.zrem(key, List.of("low", "high", "nope"))));
        assertEquals(
                List.of(ScoredValue.of(-0.75, "d"), ScoredValue.of(2.25, "b"), ScoredValue.of(7.0, "a")),
                value(c.zrangeWithScores(key, ZRangeQuery.byRank(0, -1))));
    }

    /** ZRANGE by rank, score and lex, reversed and limited, with and without scores; ZCOUNT, ZRANK, ZREVRANK. */
    void ranges() {
        String key = prefix + "zset:ranges";
        List<ScoredValue<String>> members = List.of(
                ScoredValue.of(1, "one"),
                ScoredValue.of(2, "two"),
                ScoredValue.of(2.5, "two-and-a-half"),
                ScoredValue.of(3, "three"),
                ScoredValue.of(Double.POSITIVE_INFINITY, "infinity"));
        assertEquals(5L, value(c.zadd(key, members)));

        assertEquals(List.of("one", "two"), value(c.zrange(key, ZRangeQuery.byRank(0, 1))));
        assertEquals(
                List.of("infinity", "three"),
                value(c.zrange(key, ZRangeQuery.byRank(0, 1).reversed())));
        assertEquals(members, value(c.zrangeWithScores(key, ZRangeQuery.byRank(0, -1))));
        assertEquals(List.of(), value(c.zrange(prefix + "zset:missing", ZRangeQuery.byRank(0, -1))));
        assertEquals(List.of(), value(c.zrangeWithScores(prefix + "zset:missing", ZRangeQuery.byRank(0, -1))));

        ZRangeQuery twoToThree = ZRangeQuery.byScore(ScoreBound.inclusive(2), ScoreBound.exclusive(3));
        assertEquals(List.of("two", "two-and-a-half"), value(c.zrange(key, twoToThree)));
        assertEquals(List.of("two-and-a-half", "two"), value(c.zrange(key, twoToThree.reversed())));
        assertEquals(
                List.of(ScoredValue.of(2.5, "two-and-a-half"), ScoredValue.of(3.0, "three")),
                value(c.zrangeWithScores(
                        key,
                        ZRangeQuery.byScore(ScoreBound.exclusive(2), ScoreBound.positiveInfinity())
                                .limit(0, 2))));
        assertEquals(
                List.of(ScoredValue.of(Double.POSITIVE_INFINITY, "infinity")),
                value(c.zrangeWithScores(
                        key,
                        ZRangeQuery.byScore(ScoreBound.negativeInfinity(), ScoreBound.positiveInfinity())
                                .reversed()
                                .limit(0, 1))));

        assertEquals(5L, value(c.zcount(key, ScoreBound.negativeInfinity(), ScoreBound.positiveInfinity())));
        assertEquals(2L, value(c.zcount(key, ScoreBound.exclusive(1), ScoreBound.inclusive(2.5))));
        assertEquals(0L, value(c.zcount(key, ScoreBound.exclusive(3), ScoreBound.exclusive(4))));

        assertEquals(0L, value(c.zrank(key, "one")));
        assertEquals(4L, value(c.zrank(key, "infinity")));
        assertNull(value(c.zrank(key, "nope")));
        assertEquals(0L, value(c.zrevrank(key, "infinity")));
        assertNull(value(c.zrevrank(key, "nope")));

        String lex = prefix + "zset:lex";
        List<ScoredValue<String>> words = new ArrayList<>();
        for (String word : List.of("apple", "banana", "cherry", "date", "elder")) {
            words.add(ScoredValue.of(0, word));
        }
        assertEquals(5L, value(c.zadd(lex, words)));
        assertEquals(
                List.of("banana", "cherry", "date"),
                value(c.zrange(lex, ZRangeQuery.byLex(LexBound.inclusive("b"), LexBound.exclusive("e")))));
        assertEquals(
                List.of("elder", "date"),
                value(c.zrange(
                        lex,
                        ZRangeQuery.byLex(LexBound.exclusive("cherry"), LexBound.max())
                                .reversed())));
        assertEquals(
                List.of("banana"),
                value(c.zrange(
                        lex, ZRangeQuery.byLex(LexBound.min(), LexBound.max()).limit(1, 1))));
        assertThrows(
                IllegalArgumentException.class,
                () -> c.zrangeWithScores(lex, ZRangeQuery.byLex(LexBound.min(), LexBound.max())),
                "Redis refuses WITHSCORES with BYLEX");
    }

    /** ZPOPMIN and ZPOPMAX with and without a count, ZREMRANGEBYSCORE, ZREMRANGEBYRANK. */
    void popsAndRemovals() {
        String key = prefix + "zset:pops";
        String missing = prefix + "zset:missing";
        assertEquals(
                6L,
                value(c.zadd(
                        key,
                        List.of(
                                ScoredValue.of(1, "a"),
                                ScoredValue.of(2, "b"),
                                ScoredValue.of(3, "c"),
                                ScoredValue.of(4, "d"),
                                ScoredValue.of(5.5, "e"),
                                ScoredValue.of(6, "f")))));
        assertEquals(ScoredValue.of(1.0, "a"), value(c.zpopmin(key)));
        assertEquals(ScoredValue.of(6.0, "f"), value(c.zpopmax(key)));
        assertEquals(List.of(ScoredValue.of(2.0, "b"), ScoredValue.of(3.0, "c")), value(c.zpopmin(key, 2)));
        assertEquals(List.of(ScoredValue.of(5.5, "e")), value(c.zpopmax(key, 1)));
        assertNull(value(c.zpopmin(missing)));
        assertNull(value(c.zpopmax(missing)));
        assertEquals(List.of(), value(c.zpopmin(missing, 2)));
        assertEquals(List.of(), value(c.zpopmax(missing, 2)));

        String range = prefix + "zset:remove";
        List<ScoredValue<String>> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(ScoredValue.of(i, "m" + i));
        }
        assertEquals(10L, value(c.zadd(range, members)));
        assertEquals(3L, value(c.zremrangebyscore(range, ScoreBound.inclusive(2), ScoreBound.exclusive(5))));
        assertEquals(0L, value(c.zremrangebyscore(range, ScoreBound.inclusive(2), ScoreBound.exclusive(5))));
        assertEquals(2L, value(c.zremrangebyrank(range, -2, -1)));
        assertEquals(List.of("m0", "m1", "m5", "m6", "m7"), value(c.zrange(range, ZRangeQuery.byRank(0, -1))));
    }

    /** ZSCAN returns members with {@code Double} scores, in one page for a small set and several for a large one. */
    void scans() {
        String small = prefix + "zset:scan-small";
        assertEquals(
                3L,
                value(c.zadd(
                        small,
                        List.of(
                                ScoredValue.of(1.5, "x1"),
                                ScoredValue.of(Double.NEGATIVE_INFINITY, "x2"),
                                ScoredValue.of(3, "y")))));
        ScanPage<ScoredValue<String>> page = value(c.zscan(small, ScanPage.INITIAL_CURSOR));
        assertTrue(page.isFinished());
        assertEquals(
                List.of(
                        ScoredValue.of(Double.NEGATIVE_INFINITY, "x2"),
                        ScoredValue.of(1.5, "x1"),
                        ScoredValue.of(3.0, "y")),
                sorted(page.elements()));
        ScanPage<ScoredValue<String>> matching = value(c.zscan(
                small, ScanPage.INITIAL_CURSOR, ScanArgs.builder().match("x*").build()));
        assertEquals(
                List.of(ScoredValue.of(Double.NEGATIVE_INFINITY, "x2"), ScoredValue.of(1.5, "x1")),
                sorted(matching.elements()));

        String large = prefix + "zset:scan-large";
        List<ScoredValue<String>> members = new ArrayList<>();
        for (int i = 0; i < LARGE; i++) {
            members.add(ScoredValue.of(i + 0.5, "member-" + i));
        }
        assertEquals((long) LARGE, value(c.zadd(large, members)));
        List<ScoredValue<String>> seen = new ArrayList<>();
        String cursor = ScanPage.INITIAL_CURSOR;
        int pages = 0;
        do {
            ScanPage<ScoredValue<String>> next =
                    value(c.zscan(large, cursor, ScanArgs.builder().count(40).build()));
            seen.addAll(next.elements());
            cursor = next.cursor();
            pages++;
        } while (!ScanPage.INITIAL_CURSOR.equals(cursor));
        assertEquals(members, sorted(seen.stream().distinct().toList()));
        assertTrue(pages > 1, "several pages");
    }

    private static List<ScoredValue<String>> sorted(List<ScoredValue<String>> values) {
        return values.stream()
                .sorted(Comparator.comparingDouble(ScoredValue<String>::score))
                .toList();
    }
}

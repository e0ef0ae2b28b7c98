package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SortedSetValueTest {

    @Test
    void ordersByScoreThenByUnsignedMemberBytes() {
        SortedSetValue zset = new SortedSetValue();
        zset.add(Bytes.of("b"), 1);
        zset.add(Bytes.of("a"), 1);
        zset.add(Bytes.of("z"), 0);
        zset.add(Bytes.of(new byte[] {(byte) 0xFF}), 1);
        zset.add(Bytes.of("ab"), 1);
        zset.add(Bytes.of("neg"), Double.NEGATIVE_INFINITY);
        zset.add(Bytes.of("pos"), Double.POSITIVE_INFINITY);
        assertEquals(List.of("neg", "z", "a", "ab", "b", "\\xff", "pos"), members(zset.entries()));
    }

    @Test
    void negativeZeroEqualsZeroForOrderingAndUpdates() {
        SortedSetValue zset = new SortedSetValue();
        zset.add(Bytes.of("b"), -0.0);
        zset.add(Bytes.of("a"), 0.0);
        assertEquals(List.of("a", "b"), members(zset.entries()));
        assertFalse(zset.add(Bytes.of("b"), 0.0));
        // Stored as 0, as a real 7.0 node answers ZSCORE after ZADD z -0.0 b.
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(zset.score(Bytes.of("b"))));
    }

    @Test
    void addReportsNewMembersAndMovesExistingOnes() {
        SortedSetValue zset = new SortedSetValue();
        assertTrue(zset.add(Bytes.of("m"), 5));
        assertFalse(zset.add(Bytes.of("m"), 1));
        assertEquals(1, zset.size());
        assertEquals(1.0, zset.score(Bytes.of("m")));
        assertThrows(IllegalArgumentException.class, () -> zset.add(Bytes.of("m"), Double.NaN));
        assertNull(zset.score(Bytes.of("absent")));
    }

    @Test
    void incrementRejectsNaNResultsWithoutChangingTheMember() {
        SortedSetValue zset = new SortedSetValue();
        assertEquals(2.5, zset.incrementBy(Bytes.of("m"), 2.5));
        assertEquals(3.5, zset.incrementBy(Bytes.of("m"), 1));
        zset.add(Bytes.of("inf"), Double.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> zset.incrementBy(Bytes.of("inf"), Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, zset.score(Bytes.of("inf")));
    }

    @Test
    void ranksCountFromEitherEnd() {
        SortedSetValue zset = abcde();
        assertEquals(0, zset.rank(Bytes.of("a"), false));
        assertEquals(4, zset.rank(Bytes.of("a"), true));
        assertEquals(3, zset.rank(Bytes.of("d"), false));
        assertEquals(-1, zset.rank(Bytes.of("x"), false));
    }

    @ParameterizedTest(name = "ZRANGE {0} {1} rev={2} -> [{3}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "0  | -1 | false | a b c d e",
                "1  | 2  | false | b c",
                "-2 | -1 | false | d e",
                "0  | 1  | true  | e d",
                "-1 | -1 | true  | a",
                "3  | 1  | false | ''",
                "5  | 9  | false | ''",
            })
    void rangeByRankNormalisesLikeZrange(long start, long stop, boolean reverse, String expected) {
        assertEquals(words(expected), members(abcde().rangeByRank(start, stop, reverse)));
    }

    @ParameterizedTest(name = "ZRANGEBYSCORE {0} {1} -> [{2}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "-inf | +inf | a b c d e",
                "2    | 4    | b c d",
                "(2   | 4    | c d",
                "2    | (4   | b c",
                "(2   | (4   | c",
                "(1   | (2   | ''",
                "5    | 1    | ''",
                "(-inf| (+inf| a b c d e",
                "4.5  | inf  | e",
                "-inf | 0.99 | ''",
            })
    void rangeByScoreHonoursExclusiveAndInfiniteBounds(String min, String max, String expected) {
        SortedSetValue zset = abcde();
        ScoreBound low = ScoreBound.parse(min.getBytes());
        ScoreBound high = ScoreBound.parse(max.getBytes());
        assertEquals(words(expected), members(zset.rangeByScore(low, high, false, 0, -1)));
        assertEquals(words(expected).size(), zset.countByScore(low, high));
        List<String> reversed = new ArrayList<>(words(expected));
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, members(zset.rangeByScore(low, high, true, 0, -1)));
    }

    @Test
    void scoreRangeIncludesEveryMemberWithAnEqualScoreAtInclusiveBounds() {
        SortedSetValue zset = new SortedSetValue();
        for (String member : List.of("p", "q", "r")) {
            zset.add(Bytes.of(member), 7);
        }
        zset.add(Bytes.of(""), 7);
        zset.add(Bytes.of("low"), 6);
        ScoreBound seven = new ScoreBound(7, false);
        assertEquals(List.of("", "p", "q", "r"), members(zset.rangeByScore(seven, seven, false, 0, -1)));
        assertEquals(
                List.of("low"),
                members(zset.rangeByScore(ScoreBound.NEGATIVE_INFINITY, new ScoreBound(7, true), false, 0, -1)));
        assertEquals(0, zset.countByScore(new ScoreBound(7, true), ScoreBound.POSITIVE_INFINITY));
    }

    @Test
    void limitSkipsOffsetAndCapsCountInEitherDirection() {
        SortedSetValue zset = abcde();
        ScoreBound all = ScoreBound.NEGATIVE_INFINITY;
        assertEquals(List.of("b", "c"), members(zset.rangeByScore(all, ScoreBound.POSITIVE_INFINITY, false, 1, 2)));
        assertEquals(List.of("d", "c"), members(zset.rangeByScore(all, ScoreBound.POSITIVE_INFINITY, true, 1, 2)));
        assertEquals(List.of("e"), members(zset.rangeByScore(all, ScoreBound.POSITIVE_INFINITY, false, 4, 10)));
        assertEquals(List.of(), members(zset.rangeByScore(all, ScoreBound.POSITIVE_INFINITY, false, 5, -1)));
        assertEquals(List.of(), members(zset.rangeByScore(all, ScoreBound.POSITIVE_INFINITY, false, -1, 2)));
        assertEquals(List.of(), members(zset.rangeByScore(all, ScoreBound.POSITIVE_INFINITY, false, 0, 0)));
    }

    @ParameterizedTest(name = "ZRANGEBYLEX {0} {1} -> [{2}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "-     | +     | a b c d e",
                "[b    | [d    | b c d",
                "(b    | [d    | c d",
                "[b    | (d    | b c",
                "(b    | (c    | ''",
                "[bb   | +     | c d e",
                "-     | (c    | a b",
                "+     | -     | ''",
                "[e    | +     | e",
                "[c    | [a    | ''",
            })
    void rangeByLexHonoursBoundKinds(String min, String max, String expected) {
        SortedSetValue zset = new SortedSetValue();
        for (String member : words("e d c b a")) {
            zset.add(Bytes.of(member), 0);
        }
        LexBound low = LexBound.parse(min.getBytes());
        LexBound high = LexBound.parse(max.getBytes());
        assertEquals(words(expected), members(zset.rangeByLex(low, high, false, 0, -1)));
        assertEquals(words(expected).size(), zset.countByLex(low, high));
    }

    @Test
    void lexRangeOverMixedScoresSearchesByMemberLikeRedis() {
        SortedSetValue zset = abcde();
        assertEquals(
                List.of(), members(zset.rangeByLex(LexBound.inclusive(Bytes.of("x")), LexBound.MAX, false, 0, -1)));
        assertEquals(
                List.of("c", "d", "e"),
                members(zset.rangeByLex(LexBound.inclusive(Bytes.of("c")), LexBound.MAX, false, 0, -1)));
    }

    @Test
    void rangeRemovalsAndPopsRemoveExactlyTheSelectedMembers() {
        SortedSetValue byRank = abcde();
        assertEquals(2, byRank.removeRangeByRank(1, 2));
        assertEquals(List.of("a", "d", "e"), members(byRank.entries()));

        SortedSetValue byScore = abcde();
        assertEquals(3, byScore.removeRangeByScore(new ScoreBound(2, true), ScoreBound.POSITIVE_INFINITY));
        assertEquals(List.of("a", "b"), members(byScore.entries()));

        SortedSetValue byLex = new SortedSetValue();
        for (String member : words("a b c d e")) {
            byLex.add(Bytes.of(member), 0);
        }
        assertEquals(3, byLex.removeRangeByLex(LexBound.exclusive(Bytes.of("a")), LexBound.inclusive(Bytes.of("d"))));
        assertEquals(List.of("a", "e"), members(byLex.entries()));
        assertEquals(0, byLex.removeRangeByLex(LexBound.inclusive(Bytes.of("x")), LexBound.MAX));

        SortedSetValue pops = abcde();
        assertEquals(List.of("a", "b"), members(pops.popMin(2)));
        assertEquals(List.of("e", "d"), members(pops.popMax(2)));
        assertEquals(List.of(), members(pops.popMax(0)));
        assertEquals(List.of("c"), members(pops.popMin(10)));
        assertTrue(pops.isEmpty());
        assertNull(pops.randomEntry(new SplittableRandom(1)));
    }

    @Test
    void randomOperationsKeepRanksAndCountsConsistentWithSortedModel() {
        SplittableRandom random = new SplittableRandom(3);
        SortedSetValue zset = new SortedSetValue();
        TreeMap<String, Double> model = new TreeMap<>();
        for (int step = 0; step < 20_000; step++) {
            String member = "m" + random.nextInt(500);
            if (random.nextInt(3) > 0) {
                double score = random.nextInt(50) / 2.0;
                assertEquals(!model.containsKey(member), zset.add(Bytes.of(member), score));
                model.put(member, score);
            } else {
                assertEquals(model.remove(member) != null, zset.remove(Bytes.of(member)));
            }
        }
        List<String> expected = new ArrayList<>(model.keySet());
        expected.sort((a, b) -> {
            int byScore = Double.compare(model.get(a), model.get(b));
            return byScore != 0 ? byScore : a.compareTo(b);
        });
        assertEquals(expected, members(zset.entries()));
        for (int rank = 0; rank < expected.size(); rank += 7) {
            assertEquals(rank, zset.rank(Bytes.of(expected.get(rank)), false));
        }
        ScoreBound min = new ScoreBound(5, true);
        ScoreBound max = new ScoreBound(15, false);
        long inRange = model.values().stream().filter(s -> s > 5 && s <= 15).count();
        assertEquals(inRange, zset.countByScore(min, max));
        assertEquals(inRange, zset.rangeByScore(min, max, false, 0, -1).size());
    }

    @Test
    void randomEntryIsRoughlyUniform() {
        SortedSetValue zset = abcde();
        SplittableRandom random = new SplittableRandom(5);
        int[] hits = new int[5];
        for (int i = 0; i < 50_000; i++) {
            hits[(int) zset.randomEntry(random).score() - 1]++;
        }
        for (int count : hits) {
            assertTrue(count > 9_000 && count < 11_000, "hits " + java.util.Arrays.toString(hits));
        }
    }

    @Test
    @Timeout(20)
    void hundredThousandMembersSupportLogarithmicRanksAndRanges() {
        SortedSetValue zset = new SortedSetValue();
        for (int i = 0; i < 100_000; i++) {
            zset.add(Bytes.of("m" + i), i % 1_000);
        }
        long rankSum = 0;
        for (int i = 0; i < 100_000; i++) {
            rankSum += zset.rank(Bytes.of("m" + i), false);
        }
        assertEquals(100_000L * 99_999 / 2, rankSum, "ranks are a permutation of 0..n-1");
        for (int score = 0; score < 1_000; score++) {
            ScoreBound exact = new ScoreBound(score, false);
            assertEquals(100, zset.countByScore(exact, exact));
        }
        assertEquals(
                10,
                zset.rangeByScore(new ScoreBound(500, false), ScoreBound.POSITIVE_INFINITY, false, 40_000, 10)
                        .size());
    }

    @Test
    void copyIsIndependentAndEqual() {
        SortedSetValue original = abcde();
        SortedSetValue copy = original.copy();
        assertEquals(original, copy);
        copy.remove(Bytes.of("a"));
        assertEquals(5, original.size());
        assertFalse(original.equals(copy));
    }

    private static SortedSetValue abcde() {
        SortedSetValue zset = new SortedSetValue();
        List<String> members = words("a b c d e");
        for (int i = members.size() - 1; i >= 0; i--) {
            zset.add(Bytes.of(members.get(i)), i + 1);
        }
        return zset;
    }

    private static List<String> words(String spaceSeparated) {
        return spaceSeparated.isBlank()
                ? List.of()
                : List.of(spaceSeparated.trim().split("\\s+"));
    }

    private static List<String> members(List<ZEntry> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(entry -> out.add(entry.member().toString()));
        return out;
    }
}

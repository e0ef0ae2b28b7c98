package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A sorted set: distinct members, each with a score, ordered by score and then by member bytes ({@link ZEntry#ORDER}).
 *
 * <p>Score lookups are O(1). Insertions, removals, ranks, range boundaries and counts take expected O(log n), and a
 * range costs O(log n) plus O(1) per element returned (plus the offset skipped); lexicographic bounds cost O(log² n).
 * Rank arguments follow Redis: negative values count from the end. Lexicographic ranges assume, as Redis does, that
 * all members share one score; otherwise their result is unspecified. Mutable and not thread-safe; see {@link Value} for the write protocol.
 */
public final class SortedSetValue implements Value {
    private final Map<Bytes, Double> scores = new HashMap<>();
    private final RankedSet<ZEntry> byScore = new RankedSet<>(ZEntry.ORDER);
    private final RankedSet<Bytes> scanOrder = new RankedSet<>(Bytes.SCAN_ORDER);

    /** Creates an empty sorted set. */
    public SortedSetValue() {}

    /** Returns the number of members ({@code ZCARD}). */
    public int size() {
        return scores.size();
    }

    /** Returns whether there are no members; the keyspace removes empty sorted sets on {@link Keyspace#markModified}. */
    public boolean isEmpty() {
        return scores.isEmpty();
    }

    /** Returns the score of {@code member}, or {@code null} if it is absent ({@code ZSCORE}). */
    public Double score(Bytes member) {
        return scores.get(member);
    }

    /**
     * Adds {@code member} with {@code score}, or moves an existing member to {@code score}. As in Redis, a new score
     * numerically equal to the old one (e.g. {@code -0.0} for {@code 0.0}) leaves the member untouched.
     *
     * @return true if the member is new
     * @throws IllegalArgumentException if {@code score} is NaN
     */
    public boolean add(Bytes member, double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
        if (score == 0.0) {
            // Redis 7.0 keeps a small sorted set's scores as text in a listpack, where -0.0 is written as 0: ZSCORE
            // and ZRANGE WITHSCORES answer 0. (Only a sorted set large enough for a skiplist would keep -0.)
            score = 0.0;
        }
        Double previous = scores.get(member);
        if (previous != null) {
            if (previous == score) {
                return false;
            }
            byScore.remove(new ZEntry(member, previous));
        } else {
            scanOrder.add(member);
        }
        scores.put(member, score);
        byScore.add(new ZEntry(member, score));
        return previous == null;
    }

    /**
     * Adds {@code delta} to the score of {@code member}, which starts at 0 if absent ({@code ZINCRBY}).
     *
     * @return the new score
     * @throws IllegalArgumentException if the result is NaN (e.g. {@code +inf} plus {@code -inf}); nothing changes
     */
    public double incrementBy(Bytes member, double delta) {
        Double previous = scores.get(member);
        double result = (previous == null ? 0 : previous) + delta;
        if (Double.isNaN(result)) {
            throw new IllegalArgumentException("resulting score is not a number (NaN)");
        }
        add(member, result);
        return result;
    }

    /** Removes {@code member}; returns whether it was present ({@code ZREM}). */
    public boolean remove(Bytes member) {
        Double previous = scores.remove(member);
        if (previous == null) {
            return false;
        }
        byScore.remove(new ZEntry(member, previous));
        scanOrder.remove(member);
        return true;
    }

    /**
     * Returns the 0-based rank of {@code member} counted from the lowest score, or from the highest when {@code
     * reverse} is set; {@code -1} if absent ({@code ZRANK}/{@code ZREVRANK}).
     */
    public long rank(Bytes member, boolean reverse) {
        Double score = scores.get(member);
        if (score == null) {
            return -1;
        }
        int rank = byScore.countLess(new ZEntry(member, score));
        return reverse ? size() - 1 - rank : rank;
    }

    /**
     * Returns the entries with ranks {@code start..stop} inclusive, normalised like {@code ZRANGE}; with {@code
     * reverse}, ranks count from the highest score and entries come highest first.
     */
    public List<ZEntry> rangeByRank(long start, long stop, boolean reverse) {
        IndexRange range = IndexRange.of(start, stop, size());
        if (range == null) {
            return List.of();
        }
        int from = reverse ? size() - 1 - range.first() : range.first();
        return collect(byScore.iterator(from, reverse), range.length());
    }

    /**
     * Returns the entries whose scores lie within {@code [min, max]} honouring exclusive bounds, lowest first, or
     * highest first with {@code reverse} (bounds are still given as min and max). {@code offset} entries are skipped
     * first; at most {@code count} are returned, all of them if {@code count} is negative. A negative {@code offset}
     * yields nothing.
     */
    public List<ZEntry> rangeByScore(ScoreBound min, ScoreBound max, boolean reverse, long offset, long count) {
        return slice(startIndex(min), endIndex(max), reverse, offset, count);
    }

    /** As {@link #rangeByScore} for a lexicographic range ({@code ZRANGEBYLEX}). */
    public List<ZEntry> rangeByLex(LexBound min, LexBound max, boolean reverse, long offset, long count) {
        return slice(startIndex(min), endIndex(max), reverse, offset, count);
    }

    /** Returns the number of entries with scores within the range ({@code ZCOUNT}), in O(log n). */
    public int countByScore(ScoreBound min, ScoreBound max) {
        return Math.max(0, endIndex(max) - startIndex(min));
    }

    /** Returns the number of entries within the lexicographic range ({@code ZLEXCOUNT}), in O(log n). */
    public int countByLex(LexBound min, LexBound max) {
        return Math.max(0, endIndex(max) - startIndex(min));
    }

    /** Removes the entries with ranks {@code start..stop} ({@code ZREMRANGEBYRANK}); returns how many. */
    public int removeRangeByRank(long start, long stop) {
        return removeAll(rangeByRank(start, stop, false));
    }

    /** Removes the entries with scores within the range ({@code ZREMRANGEBYSCORE}); returns how many. */
    public int removeRangeByScore(ScoreBound min, ScoreBound max) {
        return removeAll(rangeByScore(min, max, false, 0, -1));
    }

    /** Removes the entries within the lexicographic range ({@code ZREMRANGEBYLEX}); returns how many. */
    public int removeRangeByLex(LexBound min, LexBound max) {
        return removeAll(rangeByLex(min, max, false, 0, -1));
    }

    /**
     * Removes and returns up to {@code count} entries with the lowest scores, lowest first ({@code ZPOPMIN}); nothing
     * if {@code count} is not positive.
     */
    public List<ZEntry> popMin(int count) {
        List<ZEntry> popped = count <= 0 ? List.of() : rangeByRank(0, count - 1L, false);
        removeAll(popped);
        return popped;
    }

    /**
     * Removes and returns up to {@code count} entries with the highest scores, highest first ({@code ZPOPMAX}); nothing
     * if {@code count} is not positive.
     */
    public List<ZEntry> popMax(int count) {
        List<ZEntry> popped = count <= 0 ? List.of() : rangeByRank(0, count - 1L, true);
        removeAll(popped);
        return popped;
    }

    /** Returns an entry chosen uniformly at random, or {@code null} if empty ({@code ZRANDMEMBER}). */
    public ZEntry randomEntry(RandomGenerator random) {
        return HashOrderedScan.random(byScore, random);
    }

    /** Returns a snapshot of all entries, lowest score first. */
    public List<ZEntry> entries() {
        return rangeByRank(0, -1, false);
    }

    /**
     * Returns one page of a {@code ZSCAN}, in scan order (by member hash, not by score) starting at {@code cursor}
     * ({@code 0} to start). Every member present for the whole scan is returned exactly once, even if its score changes;
     * see {@link ScanPage}. {@code MATCH} filtering is left to the caller.
     *
     * @param count the number of entries to aim for; must be positive
     */
    public ScanPage<ZEntry> scan(long cursor, int count) {
        return HashOrderedScan.scan(scanOrder, cursor, count, member -> new ZEntry(member, scores.get(member)));
    }

    @Override
    public ValueType type() {
        return ValueType.ZSET;
    }

    @Override
    public SortedSetValue copy() {
        SortedSetValue copy = new SortedSetValue();
        for (ZEntry entry : byScore) {
            copy.add(entry.member(), entry.score());
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SortedSetValue && scores.equals(((SortedSetValue) other).scores);
    }

    @Override
    public int hashCode() {
        return scores.hashCode();
    }

    @Override
    public String toString() {
        return "zset(" + scores.size() + " members)";
    }

    private int startIndex(ScoreBound min) {
        return byScore.countLess(new ZEntry(min.exclusive() ? ZEntry.AFTER_ALL_MEMBERS : Bytes.EMPTY, min.value()));
    }

    private int endIndex(ScoreBound max) {
        return byScore.countLess(new ZEntry(max.exclusive() ? Bytes.EMPTY : ZEntry.AFTER_ALL_MEMBERS, max.value()));
    }

    private int startIndex(LexBound min) {
        switch (min.kind()) {
            case MIN:
                return 0;
            case MAX:
                return size();
            case INCLUSIVE:
                return firstIndexWhere(member -> member.compareTo(min.member()) >= 0);
            default:
                return firstIndexWhere(member -> member.compareTo(min.member()) > 0);
        }
    }

    private int endIndex(LexBound max) {
        switch (max.kind()) {
            case MIN:
                return 0;
            case MAX:
                return size();
            case INCLUSIVE:
                return firstIndexWhere(member -> member.compareTo(max.member()) > 0);
            default:
                return firstIndexWhere(member -> member.compareTo(max.member()) >= 0);
        }
    }

    /**
     * Binary search, comparing members only, for the first position whose member satisfies {@code reached}, assuming
     * it holds from some position onwards. That is exact when all scores are equal and otherwise mirrors Redis, whose
     * skip-list walk makes the same assumption.
     */
    private int firstIndexWhere(Predicate<Bytes> reached) {
        int low = 0;
        int high = size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (reached.test(byScore.get(middle).member())) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private List<ZEntry> slice(int from, int to, boolean reverse, long offset, long count) {
        if (offset < 0 || from >= to || offset >= to - from) {
            return List.of();
        }
        long available = to - from - offset;
        int limit = (int) (count < 0 ? available : Math.min(count, available));
        int first = (int) (reverse ? to - 1 - offset : from + offset);
        return collect(byScore.iterator(first, reverse), limit);
    }

    private static List<ZEntry> collect(Iterator<ZEntry> entries, int limit) {
        List<ZEntry> result = new ArrayList<>(limit);
        while (result.size() < limit && entries.hasNext()) {
            result.add(entries.next());
        }
        return result;
    }

    private int removeAll(List<ZEntry> entries) {
        for (ZEntry entry : entries) {
            remove(entry.member());
        }
        return entries.size();
    }
}

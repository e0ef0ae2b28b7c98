package io.slotwise.api.args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which members {@code ZRANGE} returns: a range of ranks, scores or lexicographical members, optionally in reverse
 * order and, for score and lex ranges, limited to a window. Immutable; {@link #reversed()} and {@link #limit} return
 * new queries.
 *
 * <p>Score and lex ranges are always given as (min, max), also when reversed: the query puts them in the order Redis
 * expects ({@code ZRANGE key max min BYSCORE REV}). Rank ranges are given as (start, stop) in the order of the query:
 * with {@link #reversed()}, rank 0 is the highest score.
 */
public final class ZRangeQuery {

    private final String by;
    private final byte[] start;
    private final byte[] stop;
    private final boolean reversed;
    private final Limit limit;

    private ZRangeQuery(String by, byte[] start, byte[] stop, boolean reversed, Limit limit) {
        this.by = by;
        this.start = start;
        this.stop = stop;
        this.reversed = reversed;
        this.limit = limit;
    }

    /**
     * Members by rank, both ends included; negative ranks count from the end ({@code -1} is the last).
     *
     * @param start the first rank
     * @param stop the last rank
     * @return the query
     */
    public static ZRangeQuery byRank(long start, long stop) {
        return new ZRangeQuery(null, Tokens.of(start), Tokens.of(stop), false, null);
    }

    /**
     * Members by score ({@code BYSCORE}).
     *
     * @param min the low end
     * @param max the high end
     * @return the query
     */
    public static ZRangeQuery byScore(ScoreBound min, ScoreBound max) {
        return new ZRangeQuery("BYSCORE", min.argument(), max.argument(), false, null);
    }

    /**
     * Members by lexicographical order, for sets whose members all have the same score ({@code BYLEX}).
     *
     * @param min the low end
     * @param max the high end
     * @return the query
     */
    public static ZRangeQuery byLex(LexBound min, LexBound max) {
        return new ZRangeQuery("BYLEX", min.argument(), max.argument(), false, null);
    }

    /**
     * Returns this query in reverse order, highest first ({@code REV}).
     *
     * @return the reversed query
     */
    public ZRangeQuery reversed() {
        return new ZRangeQuery(by, start, stop, true, limit);
    }

    /**
     * Returns this query limited to a window of the matching members ({@code LIMIT offset count}).
     *
     * @param offset how many matching members to skip, {@code >= 0}
     * @param count how many to return at most; negative means all the rest
     * @return the limited query
     * @throws IllegalArgumentException for rank queries, which Redis does not limit
     */
    public ZRangeQuery limit(long offset, long count) {
        if (by == null) {
            throw new IllegalArgumentException("ZRANGE accepts LIMIT only with BYSCORE or BYLEX");
        }
        return new ZRangeQuery(by, start, stop, reversed, new Limit(offset, count));
    }

    /**
     * Returns the RESP arguments of this query, to follow the key.
     *
     * @return start, stop (swapped for reversed score and lex queries), then {@code BYSCORE}/{@code BYLEX},
     *     {@code REV} and {@code LIMIT offset count} where they apply; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(7);
        boolean swap = reversed && by != null;
        args.add((swap ? stop : start).clone());
        args.add((swap ? start : stop).clone());
        if (by != null) {
            args.add(Tokens.of(by));
        }
        if (reversed) {
            args.add(Tokens.of("REV"));
        }
        if (limit != null) {
            args.add(Tokens.of("LIMIT"));
            args.add(Tokens.of(limit.offset()));
            args.add(Tokens.of(limit.count()));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ZRangeQuery that
                && Objects.equals(by, that.by)
                && Arrays.equals(start, that.start)
                && Arrays.equals(stop, that.stop)
                && reversed == that.reversed
                && Objects.equals(limit, that.limit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(by, Arrays.hashCode(start), Arrays.hashCode(stop), reversed, limit);
    }

    /** Shows the kind of range and its options, not the bounds (lex bounds are member data). */
    @Override
    public String toString() {
        return "ZRangeQuery[" + (by == null ? "BYRANK" : by) + (reversed ? ", REV" : "")
                + (limit == null ? "" : ", " + limit) + "]";
    }

    /**
     * A window of matching members.
     *
     * @param offset how many matching members to skip, {@code >= 0}
     * @param count how many to return at most; negative means all the rest
     */
    public record Limit(long offset, long count) {

        /** Checks the offset. */
        public Limit {
            if (offset < 0) {
                throw new IllegalArgumentException("LIMIT offset must be >= 0, was " + offset);
            }
        }
    }
}

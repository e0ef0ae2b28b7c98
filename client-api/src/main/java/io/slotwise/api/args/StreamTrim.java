package io.slotwise.api.args;

import io.slotwise.value.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@code XADD} and {@code XTRIM} trim a stream: {@code MAXLEN} (keep at most that many entries) or {@code MINID}
 * (drop entries with lower IDs), exactly ({@code =}, the default, also written without the operator) or
 * approximately ({@code ~}: Redis trims only whole radix-tree nodes, which is much cheaper), and with approximate
 * trimming an optional {@code LIMIT} on the entries evicted per call. Immutable:
 * {@code StreamTrim.maxLen(1000).approximately().limit(100)}.
 */
public final class StreamTrim {

    private final String strategy;
    private final String threshold;
    private final String operator;
    private final long limit;

    private StreamTrim(String strategy, String threshold, String operator, long limit) {
        this.strategy = strategy;
        this.threshold = threshold;
        this.operator = operator;
        this.limit = limit;
    }

    /**
     * Keeps at most {@code maxLength} entries, the newest.
     *
     * @param maxLength the length to trim to, not negative
     * @return the trimming, exact and without operator
     */
    public static StreamTrim maxLen(long maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("MAXLEN must not be negative, was " + maxLength);
        }
        return new StreamTrim("MAXLEN", Long.toString(maxLength), null, -1);
    }

    /**
     * Drops the entries whose IDs are lower than {@code minId}.
     *
     * @param minId the lowest ID to keep
     * @return the trimming, exact and without operator
     */
    public static StreamTrim minId(StreamId minId) {
        return new StreamTrim("MINID", Objects.requireNonNull(minId, "minId").toString(), null, -1);
    }

    /**
     * Returns this trimming with the explicit exact operator {@code =} (which is also what no operator means).
     *
     * @return the exact trimming
     * @throws IllegalStateException if a {@link #limit} is set: {@code LIMIT} needs approximate trimming
     */
    public StreamTrim exactly() {
        if (limit >= 0) {
            throw new IllegalStateException("LIMIT needs approximate trimming (~), not exact trimming");
        }
        return new StreamTrim(strategy, threshold, "=", -1);
    }

    /**
     * Returns this trimming with the approximate operator {@code ~}: the server may keep a few more entries, trimming
     * only whole nodes.
     *
     * @return the approximate trimming
     */
    public StreamTrim approximately() {
        return new StreamTrim(strategy, threshold, "~", limit);
    }

    /**
     * Returns this approximate trimming with {@code LIMIT}: at most {@code maxEvicted} entries are evicted per call.
     *
     * @param maxEvicted the cap, not negative; 0 removes the server's default cap
     * @return the trimming with the limit
     * @throws IllegalStateException if this trimming is not approximate (Redis accepts {@code LIMIT} only with
     *     {@code ~})
     */
    public StreamTrim limit(long maxEvicted) {
        if (!"~".equals(operator)) {
            throw new IllegalStateException("LIMIT needs approximate trimming: call approximately() first");
        }
        if (maxEvicted < 0) {
            throw new IllegalArgumentException("LIMIT must not be negative, was " + maxEvicted);
        }
        return new StreamTrim(strategy, threshold, operator, maxEvicted);
    }

    /**
     * Returns the RESP arguments of this trimming.
     *
     * @return {@code MAXLEN|MINID [=|~] threshold [LIMIT count]}; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(5);
        args.add(Tokens.of(strategy));
        if (operator != null) {
            args.add(Tokens.of(operator));
        }
        args.add(Tokens.of(threshold));
        if (limit >= 0) {
            args.add(Tokens.of("LIMIT"));
            args.add(Tokens.of(limit));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamTrim that
                && strategy.equals(that.strategy)
                && threshold.equals(that.threshold)
                && Objects.equals(operator, that.operator)
                && limit == that.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategy, threshold, operator, limit);
    }

    /** Shows the trimming as Redis reads it. */
    @Override
    public String toString() {
        return strategy + (operator == null ? "" : " " + operator) + " " + threshold
                + (limit >= 0 ? " LIMIT " + limit : "");
    }
}

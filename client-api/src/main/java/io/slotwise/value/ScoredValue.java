package io.slotwise.value;

import java.util.Objects;

/**
 * A sorted-set member with its score, as returned by {@code ZRANGE ... WITHSCORES}, {@code ZPOPMIN}, {@code ZSCAN} and
 * given to {@code ZADD}.
 *
 * @param value the member, never {@code null}
 * @param score the score; may be infinite, never NaN (Redis rejects NaN scores)
 * @param <V> the member type
 */
public record ScoredValue<V>(V value, double score) {

    /** Checks the components. */
    public ScoredValue {
        Objects.requireNonNull(value, "value");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("A sorted-set score cannot be NaN");
        }
    }

    /**
     * Creates a scored value.
     *
     * @param score the score, not NaN
     * @param value the member, never {@code null}
     * @param <V> the member type
     * @return the scored value
     */
    public static <V> ScoredValue<V> of(double score, V value) {
        return new ScoredValue<>(value, score);
    }

    /** Shows the score but not the member: members are application data and may be sensitive. */
    @Override
    public String toString() {
        return "ScoredValue[score=" + score + ", value=(hidden)]";
    }
}

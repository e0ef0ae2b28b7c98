package io.slotwise.api.args;

import io.slotwise.command.RedisDouble;

/**
 * One end of a score range ({@code ZRANGE ... BYSCORE}, {@code ZCOUNT}, {@code ZREMRANGEBYSCORE}): a score, included
 * or excluded ({@code (1.5}), or an infinity. Immutable.
 */
public final class ScoreBound {

    private static final ScoreBound NEGATIVE_INFINITY = new ScoreBound("-inf");
    private static final ScoreBound POSITIVE_INFINITY = new ScoreBound("+inf");

    private final String text;

    private ScoreBound(String text) {
        this.text = text;
    }

    /**
     * A bound that includes its score.
     *
     * @param score the score, not NaN
     * @return the bound
     */
    public static ScoreBound inclusive(double score) {
        return new ScoreBound(RedisDouble.format(score));
    }

    /**
     * A bound that excludes its score.
     *
     * @param score the score, not NaN
     * @return the bound
     */
    public static ScoreBound exclusive(double score) {
        return new ScoreBound("(" + RedisDouble.format(score));
    }

    /**
     * The lowest possible bound.
     *
     * @return {@code -inf}
     */
    public static ScoreBound negativeInfinity() {
        return NEGATIVE_INFINITY;
    }

    /**
     * The highest possible bound.
     *
     * @return {@code +inf}
     */
    public static ScoreBound positiveInfinity() {
        return POSITIVE_INFINITY;
    }

    /**
     * Returns the bound's RESP argument.
     *
     * @return the bound as text, for example {@code 1.5}, {@code (1.5} or {@code -inf}; fresh array
     */
    public byte[] argument() {
        return Tokens.of(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreBound that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Shows the bound as Redis reads it. */
    @Override
    public String toString() {
        return text;
    }
}

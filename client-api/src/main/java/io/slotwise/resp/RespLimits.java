package io.slotwise.resp;

import java.util.Objects;

/**
 * Immutable bounds a RESP decoder enforces on what a server sends, so that a faulty or hostile peer, or a desynced
 * stream, cannot make the client allocate without bound. Input beyond a limit fails with a
 * {@link RespProtocolException} naming the limit, and the connection is closed.
 *
 * <p>Defaults and why:
 *
 * <ul>
 *   <li>{@link #maxBulkLength()} 512 MiB: the largest string Redis accepts ({@code proto-max-bulk-len}), so no value a
 *       default Redis can store is refused.
 *   <li>{@link #maxAggregateLength()} {@link Integer#MAX_VALUE}: a reply such as {@code HGETALL} or {@code LRANGE} over
 *       a big collection is legitimate, and refusing it would close the connection. Decoders never size a buffer from
 *       the announced count, so memory grows only with bytes actually received; the limit is for applications that
 *       want to bound reply sizes.
 *   <li>{@link #maxNestingDepth()} 128: Redis's own replies nest at most about 7 levels (COMMAND DOCS, CLUSTER SHARDS,
 *       XREAD), and 128 leaves room for scripts and modules while keeping recursive consumers (such as
 *       {@code equals} and {@code toString} of values) far from a stack overflow.
 *   <li>{@link #maxLineLength()} 64 KiB: lines (simple strings, errors, numbers, length headers) are short; 64 KiB is
 *       what Redis allows for an unterminated inline request, and bounds how much garbage without CRLF is buffered.
 * </ul>
 *
 * <p>Thread-safe. Build with {@link #builder()}, or start from {@link #defaults()} with {@link #toBuilder()}.
 */
public final class RespLimits {

    /** Default for {@link #maxBulkLength()}: 512 MiB. */
    public static final int DEFAULT_MAX_BULK_LENGTH = 512 * 1024 * 1024;

    /** Default for {@link #maxAggregateLength()}. */
    public static final int DEFAULT_MAX_AGGREGATE_LENGTH = Integer.MAX_VALUE;

    /** Default for {@link #maxNestingDepth()}. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 128;

    /** Default for {@link #maxLineLength()}: 64 KiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;

    /** The largest bulk length or line length accepted: the largest array size every JVM supports. */
    public static final int MAX_LENGTH_CEILING = Integer.MAX_VALUE - 8;

    /** The smallest line length accepted: room for any 64-bit integer, length header or double. */
    public static final int MIN_LINE_LENGTH = 32;

    private static final RespLimits DEFAULTS = new Builder().build();

    private final int maxBulkLength;
    private final int maxAggregateLength;
    private final int maxNestingDepth;
    private final int maxLineLength;

    private RespLimits(Builder builder) {
        this.maxBulkLength = builder.maxBulkLength;
        this.maxAggregateLength = builder.maxAggregateLength;
        this.maxNestingDepth = builder.maxNestingDepth;
        this.maxLineLength = builder.maxLineLength;
    }

    /**
     * Returns the default limits described on this type.
     *
     * @return the shared default instance
     */
    public static RespLimits defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder preset with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder preset with these limits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder()
                .maxBulkLength(maxBulkLength)
                .maxAggregateLength(maxAggregateLength)
                .maxNestingDepth(maxNestingDepth)
                .maxLineLength(maxLineLength);
    }

    /**
     * The largest payload of a bulk string, blob error or verbatim string, in bytes.
     *
     * @return the limit, in {@code [0, MAX_LENGTH_CEILING]}
     */
    public int maxBulkLength() {
        return maxBulkLength;
    }

    /**
     * The largest announced element count of an array, set or push, and entry count of a map or attribute map.
     *
     * @return the limit, {@code >= 0}
     */
    public int maxAggregateLength() {
        return maxAggregateLength;
    }

    /**
     * The largest number of aggregates (arrays, maps, sets, pushes, attribute maps) open inside one another; a flat
     * array has depth 1.
     *
     * @return the limit, {@code >= 1}
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * The largest length of a line (the text of a simple string, error, number or length header), in bytes, without
     * its CRLF.
     *
     * @return the limit, in {@code [MIN_LINE_LENGTH, MAX_LENGTH_CEILING]}
     */
    public int maxLineLength() {
        return maxLineLength;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RespLimits that
                && maxBulkLength == that.maxBulkLength
                && maxAggregateLength == that.maxAggregateLength
                && maxNestingDepth == that.maxNestingDepth
                && maxLineLength == that.maxLineLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxBulkLength, maxAggregateLength, maxNestingDepth, maxLineLength);
    }

    @Override
    public String toString() {
        return "RespLimits[maxBulkLength=" + maxBulkLength + ", maxAggregateLength=" + maxAggregateLength
                + ", maxNestingDepth=" + maxNestingDepth + ", maxLineLength=" + maxLineLength + "]";
    }

    /**
     * Builds {@link RespLimits}. Each setter checks its argument at once and throws {@link IllegalArgumentException}
     * naming the setting and the accepted range. Not thread-safe.
     */
    public static final class Builder {
        private int maxBulkLength = DEFAULT_MAX_BULK_LENGTH;
        private int maxAggregateLength = DEFAULT_MAX_AGGREGATE_LENGTH;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;

        private Builder() {}

        /**
         * Sets {@link RespLimits#maxBulkLength()}.
         *
         * @param bytes in {@code [0, MAX_LENGTH_CEILING]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxBulkLength(int bytes) {
            this.maxBulkLength = checkRange("maxBulkLength", bytes, 0, MAX_LENGTH_CEILING);
            return this;
        }

        /**
         * Sets {@link RespLimits#maxAggregateLength()}.
         *
         * @param elements {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxAggregateLength(int elements) {
            this.maxAggregateLength = checkRange("maxAggregateLength", elements, 0, Integer.MAX_VALUE);
            return this;
        }

        /**
         * Sets {@link RespLimits#maxNestingDepth()}.
         *
         * @param depth {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = checkRange("maxNestingDepth", depth, 1, Integer.MAX_VALUE);
            return this;
        }

        /**
         * Sets {@link RespLimits#maxLineLength()}.
         *
         * @param bytes in {@code [MIN_LINE_LENGTH, MAX_LENGTH_CEILING]}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxLineLength(int bytes) {
            this.maxLineLength = checkRange("maxLineLength", bytes, MIN_LINE_LENGTH, MAX_LENGTH_CEILING);
            return this;
        }

        /**
         * Creates the limits.
         *
         * @return a new immutable instance
         */
        public RespLimits build() {
            return new RespLimits(this);
        }

        private static int checkRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "] but was " + value);
            }
            return value;
        }
    }
}

package io.slotwise.api.args;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the incremental scans: {@code MATCH} (a glob pattern the elements must match, applied after the elements
 * are fetched, so a page may come back empty), {@code COUNT} (a hint of how much work one call does) and {@code TYPE}
 * (key type; {@code SCAN} only). Immutable; build with {@link #builder()}.
 */
public final class ScanArgs {

    private static final ScanArgs NONE = new ScanArgs(null, 0, null);

    private final byte[] match;
    private final long count;
    private final String type;

    private ScanArgs(byte[] match, long count, String type) {
        this.match = match;
        this.count = count;
        this.type = type;
    }

    /**
     * Returns the options that add nothing.
     *
     * @return the empty options
     */
    public static ScanArgs none() {
        return NONE;
    }

    /**
     * Starts building options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether a {@code TYPE} filter is set, which only {@code SCAN} accepts.
     *
     * @return {@code true} if set
     */
    public boolean hasType() {
        return type != null;
    }

    /**
     * Tells whether a key passes the {@code MATCH} pattern, as the server would decide; for filtering done by the
     * client (the cluster-wide scan).
     *
     * @param key the key's bytes
     * @return {@code true} if no pattern is set or the key matches it
     */
    public boolean matches(byte[] key) {
        return match == null || GlobPattern.matches(match, key);
    }

    /**
     * Returns the {@code COUNT} hint.
     *
     * @return the hint, or 0 when not set
     */
    public long count() {
        return count;
    }

    /**
     * Returns the {@code TYPE} filter.
     *
     * @return the type name, or empty when not set
     */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Returns the RESP arguments of these options.
     *
     * @return {@code MATCH pattern}, {@code COUNT n}, {@code TYPE t}, each if set; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(6);
        if (match != null) {
            args.add(Tokens.of("MATCH"));
            args.add(match.clone());
        }
        if (count > 0) {
            args.add(Tokens.of("COUNT"));
            args.add(Tokens.of(count));
        }
        if (type != null) {
            args.add(Tokens.of("TYPE"));
            args.add(Tokens.of(type));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScanArgs that
                && Arrays.equals(match, that.match)
                && count == that.count
                && Objects.equals(type, that.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(match), count, type);
    }

    @Override
    public String toString() {
        return "ScanArgs[match=" + (match == null ? "none" : match.length + " bytes") + ", count=" + count + ", type="
                + type + "]";
    }

    /** Builds {@link ScanArgs}. Not thread-safe. */
    public static final class Builder {

        private byte[] match;
        private long count;
        private String type;

        private Builder() {}

        /**
         * Returns only elements matching a glob-style pattern ({@code MATCH}).
         *
         * @param pattern the pattern, encoded as UTF-8
         * @return this builder
         */
        public Builder match(String pattern) {
            return match(pattern.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Returns only elements matching a glob-style pattern given as bytes ({@code MATCH}).
         *
         * @param pattern the pattern, copied
         * @return this builder
         */
        public Builder match(byte[] pattern) {
            this.match = pattern.clone();
            return this;
        }

        /**
         * Hints how many elements one call examines ({@code COUNT}).
         *
         * @param count the hint, {@code > 0}
         * @return this builder
         */
        public Builder count(long count) {
            if (count <= 0) {
                throw new IllegalArgumentException("COUNT must be > 0, was " + count);
            }
            this.count = count;
            return this;
        }

        /**
         * Returns only keys of a type, for example {@code "hash"} ({@code TYPE}; {@code SCAN} only).
         *
         * @param type the type name
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ScanArgs build() {
            return match == null && count == 0 && type == null ? NONE : new ScanArgs(match, count, type);
        }
    }
}

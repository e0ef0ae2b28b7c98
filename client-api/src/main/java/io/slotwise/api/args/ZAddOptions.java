package io.slotwise.api.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code ZADD}: {@code NX} (only add new members) or {@code XX} (only update existing ones); {@code GT} or
 * {@code LT} (only update when the new score is greater, or less); {@code CH} (count changed members, not only added
 * ones). {@code NX} excludes {@code GT} and {@code LT}, as in Redis. {@code INCR} changes the reply type, so it has its
 * own method ({@code zaddIncr}). Immutable; build with {@link #builder()}.
 */
public final class ZAddOptions {

    private static final ZAddOptions NONE = new ZAddOptions(null, null, false);

    private final String existence;
    private final String comparison;
    private final boolean changed;

    private ZAddOptions(String existence, String comparison, boolean changed) {
        this.existence = existence;
        this.comparison = comparison;
        this.changed = changed;
    }

    /**
     * Returns the options that add nothing.
     *
     * @return the empty options
     */
    public static ZAddOptions none() {
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
     * Returns a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.existence = existence;
        builder.comparison = comparison;
        builder.changed = changed;
        return builder;
    }

    /**
     * Tells whether the options may stop {@code ZADD ... INCR} from changing the score, so that it answers null.
     *
     * @return {@code true} with NX, XX, GT or LT
     */
    public boolean isConditional() {
        return existence != null || comparison != null;
    }

    /**
     * Returns the RESP arguments of these options.
     *
     * @return {@code NX}/{@code XX}, {@code GT}/{@code LT}, {@code CH}, each if set, in that order; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(3);
        if (existence != null) {
            args.add(Tokens.of(existence));
        }
        if (comparison != null) {
            args.add(Tokens.of(comparison));
        }
        if (changed) {
            args.add(Tokens.of("CH"));
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ZAddOptions that
                && Objects.equals(existence, that.existence)
                && Objects.equals(comparison, that.comparison)
                && changed == that.changed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(existence, comparison, changed);
    }

    @Override
    public String toString() {
        return "ZAddOptions[" + existence + ", " + comparison + ", ch=" + changed + "]";
    }

    /** Builds {@link ZAddOptions}; checks the combination in {@link #build()}. Not thread-safe. */
    public static final class Builder {

        private String existence;
        private String comparison;
        private boolean changed;

        private Builder() {}

        /**
         * Only adds new members, never updates ({@code NX}).
         *
         * @return this builder
         */
        public Builder nx() {
            existence = checked(existence, "NX", "NX or XX");
            return this;
        }

        /**
         * Only updates existing members, never adds ({@code XX}).
         *
         * @return this builder
         */
        public Builder xx() {
            existence = checked(existence, "XX", "NX or XX");
            return this;
        }

        /**
         * Only updates a score when the new one is greater ({@code GT}).
         *
         * @return this builder
         */
        public Builder gt() {
            comparison = checked(comparison, "GT", "GT or LT");
            return this;
        }

        /**
         * Only updates a score when the new one is less ({@code LT}).
         *
         * @return this builder
         */
        public Builder lt() {
            comparison = checked(comparison, "LT", "GT or LT");
            return this;
        }

        /**
         * Counts changed members (added or score updated) instead of only added ones ({@code CH}).
         *
         * @return this builder
         */
        public Builder ch() {
            changed = true;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException for NX together with GT or LT, which Redis rejects
         */
        public ZAddOptions build() {
            if ("NX".equals(existence) && comparison != null) {
                throw new IllegalArgumentException("ZADD accepts GT or LT only without NX");
            }
            return existence == null && comparison == null && !changed
                    ? NONE
                    : new ZAddOptions(existence, comparison, changed);
        }

        private static String checked(String current, String chosen, String choice) {
            if (current != null && !current.equals(chosen)) {
                throw new IllegalStateException("ZADD accepts " + choice + ", not both");
            }
            return chosen;
        }
    }
}

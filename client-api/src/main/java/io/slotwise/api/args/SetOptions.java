package io.slotwise.api.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code SET}: a condition ({@code NX}: only if the key does not exist; {@code XX}: only if it exists) and
 * an {@link Expiry} (anything but {@code PERSIST}). The {@code GET} option is not here: it changes the reply type, so
 * it has its own methods ({@code setGet}). Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * SetOptions.builder().nx().expiry(Expiry.ex(30)).build()   // SET k v NX EX 30
 * }</pre>
 */
public final class SetOptions {

    private static final SetOptions NONE = new SetOptions(null, null);

    private final String condition;
    private final Expiry expiry;

    private SetOptions(String condition, Expiry expiry) {
        this.condition = condition;
        this.expiry = expiry;
    }

    /**
     * Returns the options that add nothing: a plain {@code SET}.
     *
     * @return the empty options
     */
    public static SetOptions none() {
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
        builder.condition = condition;
        builder.expiry = expiry;
        return builder;
    }

    /**
     * Tells whether the options hold a condition, so the server may answer null instead of {@code OK}.
     *
     * @return {@code true} with {@code NX} or {@code XX}
     */
    public boolean isConditional() {
        return condition != null;
    }

    /**
     * Returns the RESP arguments of these options.
     *
     * @return {@code NX} or {@code XX} if set, then the expiry's arguments if set; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(3);
        if (condition != null) {
            args.add(Tokens.of(condition));
        }
        if (expiry != null) {
            args.addAll(expiry.arguments());
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SetOptions that
                && Objects.equals(condition, that.condition)
                && Objects.equals(expiry, that.expiry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(condition, expiry);
    }

    @Override
    public String toString() {
        return "SetOptions[condition=" + condition + ", expiry=" + expiry + "]";
    }

    /** Builds {@link SetOptions}. Not thread-safe. */
    public static final class Builder {

        private String condition;
        private Expiry expiry;

        private Builder() {}

        /**
         * Sets only if the key does not exist ({@code NX}).
         *
         * @return this builder
         * @throws IllegalStateException if {@code XX} was chosen
         */
        public Builder nx() {
            return condition("NX");
        }

        /**
         * Sets only if the key exists ({@code XX}).
         *
         * @return this builder
         * @throws IllegalStateException if {@code NX} was chosen
         */
        public Builder xx() {
            return condition("XX");
        }

        /**
         * Sets the expiry, replacing one set before.
         *
         * @param expiry any expiry but {@link Expiry#persist()}
         * @return this builder
         */
        public Builder expiry(Expiry expiry) {
            Objects.requireNonNull(expiry, "expiry");
            if (expiry.token().equals("PERSIST")) {
                throw new IllegalArgumentException("SET does not accept PERSIST; use GETEX or PERSIST");
            }
            this.expiry = expiry;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public SetOptions build() {
            return condition == null && expiry == null ? NONE : new SetOptions(condition, expiry);
        }

        private Builder condition(String chosen) {
            if (condition != null && !condition.equals(chosen)) {
                throw new IllegalStateException("SET accepts NX or XX, not both");
            }
            condition = chosen;
            return this;
        }
    }
}

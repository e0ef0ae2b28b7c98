package io.slotwise.api.args;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a key expires, as given to {@code SET} and {@code GETEX}: a relative time in seconds ({@code EX}) or
 * milliseconds ({@code PX}), an absolute Unix time in seconds ({@code EXAT}) or milliseconds ({@code PXAT}), keep the
 * current expiry ({@code KEEPTTL}, SET only), or remove it ({@code PERSIST}, GETEX only). Immutable.
 */
public final class Expiry {

    private final String token;
    private final long amount;

    private Expiry(String token, long amount) {
        this.token = token;
        this.amount = amount;
    }

    /**
     * Expires after a number of seconds ({@code EX}).
     *
     * @param seconds the time to live, {@code > 0}
     * @return the expiry
     */
    public static Expiry ex(long seconds) {
        return new Expiry("EX", positive(seconds, "EX seconds"));
    }

    /**
     * Expires after a number of milliseconds ({@code PX}).
     *
     * @param milliseconds the time to live, {@code > 0}
     * @return the expiry
     */
    public static Expiry px(long milliseconds) {
        return new Expiry("PX", positive(milliseconds, "PX milliseconds"));
    }

    /**
     * Expires at a Unix time in seconds ({@code EXAT}).
     *
     * @param unixSeconds the time, {@code > 0}
     * @return the expiry
     */
    public static Expiry exAt(long unixSeconds) {
        return new Expiry("EXAT", positive(unixSeconds, "EXAT unix-time-seconds"));
    }

    /**
     * Expires at a Unix time in milliseconds ({@code PXAT}).
     *
     * @param unixMilliseconds the time, {@code > 0}
     * @return the expiry
     */
    public static Expiry pxAt(long unixMilliseconds) {
        return new Expiry("PXAT", positive(unixMilliseconds, "PXAT unix-time-milliseconds"));
    }

    /**
     * Expires after a duration, sent with millisecond precision ({@code PX}).
     *
     * @param timeToLive the time to live, at least one millisecond
     * @return the expiry
     */
    public static Expiry in(Duration timeToLive) {
        return px(timeToLive.toMillis());
    }

    /**
     * Expires at an instant, sent with millisecond precision ({@code PXAT}).
     *
     * @param instant the instant, after the Unix epoch
     * @return the expiry
     */
    public static Expiry at(Instant instant) {
        return pxAt(instant.toEpochMilli());
    }

    /**
     * Keeps the key's current expiry ({@code KEEPTTL}); {@code SET} only.
     *
     * @return the expiry
     */
    public static Expiry keepTtl() {
        return new Expiry("KEEPTTL", -1);
    }

    /**
     * Removes the key's expiry ({@code PERSIST}); {@code GETEX} only.
     *
     * @return the expiry
     */
    public static Expiry persist() {
        return new Expiry("PERSIST", -1);
    }

    /**
     * Returns the option's keyword.
     *
     * @return {@code EX}, {@code PX}, {@code EXAT}, {@code PXAT}, {@code KEEPTTL} or {@code PERSIST}
     */
    public String token() {
        return token;
    }

    /**
     * Returns the RESP arguments of this expiry.
     *
     * @return the keyword, then the amount if the keyword takes one; fresh arrays
     */
    public List<byte[]> arguments() {
        return amount < 0 ? List.of(Tokens.of(token)) : List.of(Tokens.of(token), Tokens.of(amount));
    }

    private static long positive(long amount, String what) {
        if (amount <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, was " + amount);
        }
        return amount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Expiry that && token.equals(that.token) && amount == that.amount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, amount);
    }

    @Override
    public String toString() {
        return amount < 0 ? token : token + " " + amount;
    }
}

package io.slotwise;

import java.time.Duration;
import java.util.Objects;

/**
 * How a cluster client retries a command after a transient failure ({@code TRYAGAIN}, {@code CLUSTERDOWN},
 * {@code LOADING}, {@code MASTERDOWN}, an uncovered slot, a connection failure that allows a replay): up to
 * {@code maxAttempts} attempts in all, waiting an exponentially growing, randomised backoff between them that starts
 * near {@code backoffBase} and never exceeds {@code backoffCap}. Redirects are not retries: they have their own budget
 * ({@link ClusterClientOptions#maxRedirects()}).
 *
 * @param maxAttempts attempts per command, the first included; 1 disables retries
 * @param backoffBase the first backoff, positive
 * @param backoffCap the longest backoff, at least {@code backoffBase}
 */
public record RetrySettings(int maxAttempts, Duration backoffBase, Duration backoffCap) {

    /**
     * Five attempts, backoff from 50 ms doubling up to 2 s: the four waits (50, 100, 200, 400 ms) cover a transient
     * error that lasts up to about 0.75 s, such as {@code TRYAGAIN} during a migration. A failed-over primary is
     * followed through topology refreshes, not retries; to ride out a longer {@code CLUSTERDOWN} (a cluster that lost
     * a primary stays down at least until the failover, about two node timeouts), raise {@code maxAttempts}.
     */
    public static final RetrySettings DEFAULT = new RetrySettings(5, Duration.ofMillis(50), Duration.ofSeconds(2));

    /** Validates the settings. */
    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        DurationChecks.requirePositive(backoffBase, "backoffBase");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException(
                    "backoffCap (" + backoffCap + ") must not be less than backoffBase (" + backoffBase + ")");
        }
    }

    /**
     * Settings that never retry.
     *
     * @return one attempt per command
     */
    public static RetrySettings none() {
        return new RetrySettings(1, DEFAULT.backoffBase, DEFAULT.backoffCap);
    }
}

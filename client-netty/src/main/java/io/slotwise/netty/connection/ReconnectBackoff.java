package io.slotwise.netty.connection;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with full jitter: before reconnect attempt {@code n} (counted from 0), wait a uniformly random
 * time in {@code [0, min(cap, base * 2^n))}. Full jitter spreads the reconnects of many clients to one restarted node
 * over the whole window, instead of bunching them at fixed steps.
 *
 * @param base the window of the first attempt, positive
 * @param cap the largest window, at least {@code base}
 */
public record ReconnectBackoff(Duration base, Duration cap) {

    /** 100 ms, doubling up to 10 s: a restarted node is retried quickly, a dead one at most every 10 s. */
    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    /** Checks the components. */
    public ReconnectBackoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isZero() || base.isNegative()) {
            throw new IllegalArgumentException("base must be positive, got " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap " + cap + " must be at least base " + base);
        }
    }

    /**
     * Computes the delay before an attempt.
     *
     * @param attempt the attempt number, from 0; negative is treated as 0
     * @param random a value in {@code [0, 1)}, the jitter (values outside are clamped)
     * @return the delay, in {@code [0, window(attempt))}
     */
    public Duration delay(int attempt, double random) {
        double fraction = Math.max(0.0, Math.min(random, 1.0));
        return Duration.ofNanos((long) (window(attempt).toNanos() * fraction));
    }

    /**
     * Returns the jitter window of an attempt: {@code min(cap, base * 2^attempt)}.
     *
     * @param attempt the attempt number, from 0; negative is treated as 0
     * @return the window
     */
    public Duration window(int attempt) {
        long capNanos = cap.toNanos();
        long window = base.toNanos();
        for (int i = 0; i < attempt && window < capNanos; i++) {
            window = window > capNanos / 2 ? capNanos : window * 2;
        }
        return Duration.ofNanos(Math.min(window, capNanos));
    }
}

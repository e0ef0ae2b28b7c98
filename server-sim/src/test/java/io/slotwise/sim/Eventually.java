package io.slotwise.sim;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a generous deadline passes: the tests' only way to wait. */
final class Eventually {
    /** Generous enough for a loaded two-core machine. */
    static final Duration DEADLINE = Duration.ofSeconds(15);

    private static final long POLL_MILLIS = 10;

    private Eventually() {}

    /**
     * Waits until the condition holds.
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     * @param diagnostics what to show on timeout
     * @return how long it took
     */
    static Duration until(String what, BooleanSupplier condition, Supplier<String> diagnostics) {
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + DEADLINE.toSeconds() + " s waiting for " + what + "\n" + diagnostics.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits until the condition holds, showing nothing more on timeout. */
    static Duration until(String what, BooleanSupplier condition) {
        return until(what, condition, () -> "");
    }
}

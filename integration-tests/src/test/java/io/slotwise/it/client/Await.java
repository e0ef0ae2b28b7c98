package io.slotwise.it.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for conditions by polling them every few milliseconds against a deadline, instead of fixed sleeps. */
final class Await {

    private static final long POLL_MILLIS = 10;

    private Await() {}

    /**
     * Polls {@code condition} until it holds.
     *
     * @param what the awaited condition, for the failure message
     * @param timeout how long to wait at most
     * @param state describes the current state for the failure message
     * @throws AssertionError if the condition does not hold within {@code timeout}
     */
    static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        "timed out after " + timeout.toMillis() + " ms waiting until " + what + "; " + state.get());
            }
            pause();
        }
    }

    /** Polls {@code condition} until it holds; see {@link #until(String, Duration, BooleanSupplier, Supplier)}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> "no further detail");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}

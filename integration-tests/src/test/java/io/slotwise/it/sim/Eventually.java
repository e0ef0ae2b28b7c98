package io.slotwise.it.sim;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition by polling it, instead of sleeping for a fixed time. */
final class Eventually {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private Eventually() {}

    /**
     * Polls {@code probe} until it returns {@code expected}.
     *
     * @param what the condition awaited, for the failure message
     * @param timeout how long to keep polling
     * @param probe computes the current value
     * @param expected the value awaited
     * @throws AssertionError if the value is still different after {@code timeout}; the message shows the last value
     */
    static <T> void await(String what, Duration timeout, Supplier<T> probe, T expected) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (expected.equals(value)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what
                        + ": expected " + expected + " but was " + value);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}

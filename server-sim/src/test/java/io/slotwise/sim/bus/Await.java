package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; no fixed sleeps in the tests. */
final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {}

    /**
     * Waits until the condition holds.
     *
     * @param timeout the deadline
     * @param what what is awaited, for the failure message
     * @param condition the condition
     * @param diagnostics what to print on timeout
     * @return how long it took
     */
    static Duration until(Duration timeout, String what, BooleanSupplier condition, Supplier<String> diagnostics) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + "\n" + diagnostics.get());
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
}

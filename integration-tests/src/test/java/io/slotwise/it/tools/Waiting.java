package io.slotwise.it.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition against a deadline instead of sleeping for a fixed time. */
final class Waiting {

    private static final Duration INTERVAL = Duration.ofMillis(25);

    private Waiting() {}

    /**
     * Polls {@code check} until it reports no problem.
     *
     * @param goal what is awaited, for the failure message
     * @param timeout how long to keep trying
     * @param check returns why the condition does not hold yet, or empty once it does
     * @throws AssertionError naming the last problem if the timeout passes
     */
    static void until(String goal, Duration timeout, Supplier<Optional<String>> check) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<String> problem = check.get();
            if (problem.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + goal
                        + "; last problem: " + problem.get());
            }
            pause();
        }
    }

    /** Sleeps one polling interval; restores the interrupt flag and fails if interrupted. */
    static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}

package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconnectBackoffTest {

    private static final ReconnectBackoff BACKOFF = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @ParameterizedTest(name = "attempt {0} has a {1} ms window")
    @CsvSource({"-1, 100", "0, 100", "1, 200", "2, 400", "3, 800", "4, 1000", "30, 1000", "2147483647, 1000"})
    void windowDoublesPerAttemptUpToTheCap(int attempt, long windowMillis) {
        assertEquals(Duration.ofMillis(windowMillis), BACKOFF.window(attempt));
    }

    @ParameterizedTest(name = "attempt {0} with random {1} waits {2} ms")
    @CsvSource({"0, 0.0, 0", "0, 0.5, 50", "2, 0.25, 100", "2, 0.999, 399.6", "9, 0.5, 500", "1, 7.0, 200", "1, -3, 0"})
    void delayIsTheRandomFractionOfTheWindow(int attempt, double random, double expectedMillis) {
        assertEquals(
                (long) (expectedMillis * 1_000_000),
                BACKOFF.delay(attempt, random).toNanos(),
                1);
    }

    @ParameterizedTest(name = "base {0} ms, cap {1} ms is rejected")
    @CsvSource({"0, 100", "-5, 100", "200, 100"})
    void invalidBoundsAreRejected(long baseMillis, long capMillis) {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReconnectBackoff(Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis)));
    }

    @ParameterizedTest(name = "a {0} day cap does not overflow")
    @CsvSource({"36500"})
    void hugeCapDoesNotOverflow(long capDays) {
        ReconnectBackoff huge = new ReconnectBackoff(Duration.ofMillis(1), Duration.ofDays(capDays));
        assertEquals(Duration.ofDays(capDays), huge.window(Integer.MAX_VALUE));
    }
}

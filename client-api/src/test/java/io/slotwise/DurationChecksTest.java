package io.slotwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationChecksTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 1_000_000_000L})
    void positiveDurationsPassBothChecksUnchanged(long nanos) {
        Duration value = Duration.ofNanos(nanos);

        assertSame(value, DurationChecks.requirePositive(value, "timeout"));
        assertSame(value, DurationChecks.requireNonNegative(value, "timeout"));
    }

    @Test
    void zeroIsNonNegativeButNotPositive() {
        assertSame(Duration.ZERO, DurationChecks.requireNonNegative(Duration.ZERO, "period"));

        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class, () -> DurationChecks.requirePositive(Duration.ZERO, "period"));
        assertEquals("period must be positive, got PT0S", failure.getMessage());
    }

    @Test
    void negativeDurationsFailBothChecksNamingTheSetting() {
        Duration negative = Duration.ofMillis(-5);

        IllegalArgumentException notPositive = assertThrows(
                IllegalArgumentException.class, () -> DurationChecks.requirePositive(negative, "connectTimeout"));
        IllegalArgumentException negativeValue = assertThrows(
                IllegalArgumentException.class, () -> DurationChecks.requireNonNegative(negative, "interval"));

        assertEquals("connectTimeout must be positive, got PT-0.005S", notPositive.getMessage());
        assertEquals("interval must not be negative, got PT-0.005S", negativeValue.getMessage());
    }

    @Test
    void nullFailsWithTheSettingsName() {
        NullPointerException positive =
                assertThrows(NullPointerException.class, () -> DurationChecks.requirePositive(null, "commandTimeout"));
        NullPointerException nonNegative =
                assertThrows(NullPointerException.class, () -> DurationChecks.requireNonNegative(null, "period"));

        assertEquals("commandTimeout", positive.getMessage());
        assertEquals("period", nonNegative.getMessage());
    }
}

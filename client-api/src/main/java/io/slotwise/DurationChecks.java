package io.slotwise;

import java.time.Duration;
import java.util.Objects;

/**
 * The validation the client's option builders apply to {@link Duration} settings (timeouts, intervals, backoffs), kept
 * in one place so that every module rejects a bad value the same way and with the same message, naming the setting:
 * {@code "<name> must be positive, got <value>"} or {@code "<name> must not be negative, got <value>"}. Stateless and
 * thread-safe.
 */
public final class DurationChecks {

    private DurationChecks() {}

    /**
     * Checks that a setting is longer than zero.
     *
     * @param value the duration
     * @param name the setting's name, used in the messages
     * @return {@code value}
     * @throws NullPointerException if {@code value} is {@code null} (the message is {@code name})
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    public static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /**
     * Checks that a setting is zero or longer.
     *
     * @param value the duration
     * @param name the setting's name, used in the messages
     * @return {@code value}
     * @throws NullPointerException if {@code value} is {@code null} (the message is {@code name})
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static Duration requireNonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
        return value;
    }
}

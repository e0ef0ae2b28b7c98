package io.slotwise.command;

import java.math.BigDecimal;

/**
 * The text form of floating-point numbers in Redis arguments and replies: scores, increments, blocking timeouts.
 * Redis writes infinities as {@code inf} / {@code -inf} and accepts {@code +inf}, {@code -inf} and plain decimals.
 */
public final class RedisDouble {

    private RedisDouble() {}

    /**
     * Formats a number as a Redis argument: the shortest decimal that reads back as the same {@code double}, without
     * exponent or trailing zeros ({@code 1.5}, {@code 3}, {@code 0.0001}); infinities as {@code +inf} and
     * {@code -inf}.
     *
     * @param value the number, not NaN
     * @return its text
     * @throws IllegalArgumentException for NaN, which Redis rejects
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("Redis does not accept NaN as a number argument");
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+inf" : "-inf";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Parses a number as Redis writes it in replies ({@code 1.5}, {@code 3}, {@code inf}, {@code -inf}, {@code +inf},
     * {@code nan}).
     *
     * @param text the text
     * @return the number
     * @throws NumberFormatException if the text is not a number
     */
    public static double parse(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan", "-nan":
                return Double.NaN;
            default:
                // Double.parseDouble also accepts hexadecimal and trailing 'd'/'f'; Redis never sends those.
                return Double.parseDouble(text);
        }
    }
}

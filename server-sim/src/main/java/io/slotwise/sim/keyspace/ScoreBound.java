package io.slotwise.sim.keyspace;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a sorted-set score range ({@code ZRANGEBYSCORE}, {@code ZCOUNT}, ...): a score, possibly infinite, and
 * whether the bound itself is excluded.
 *
 * @param value the bound; never NaN
 * @param exclusive whether a score equal to {@code value} lies outside the range
 */
public record ScoreBound(double value, boolean exclusive) {
    /** {@code -inf}: every score is at or above it. */
    public static final ScoreBound NEGATIVE_INFINITY = new ScoreBound(Double.NEGATIVE_INFINITY, false);

    /** {@code +inf}: every score is at or below it. */
    public static final ScoreBound POSITIVE_INFINITY = new ScoreBound(Double.POSITIVE_INFINITY, false);

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEXADECIMAL =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");

    /** Validates the components. */
    public ScoreBound {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("score bound is NaN");
        }
    }

    /**
     * Parses a bound as Redis does with C's {@code strtod}: an optional {@code (} prefix marks it exclusive; the rest
     * is a decimal number, a hexadecimal float ({@code 0x10}, {@code 0x1.8p3}; the binary exponent is optional) or
     * {@code inf}/{@code infinity} with an optional sign (any case), and may start with C white space. Values beyond
     * the double range read as an infinity and tiny ones as 0, as strtod rounds them. As with Redis, an empty number
     * reads as 0; NaN is refused.
     *
     * @throws IllegalArgumentException if the text is not a valid bound (Redis replies {@code ERR min or max is not a
     *     float})
     */
    public static ScoreBound parse(byte[] text) {
        String bound = new String(text, StandardCharsets.ISO_8859_1);
        boolean exclusive = bound.startsWith("(");
        return new ScoreBound(parseNumber(exclusive ? bound.substring(1) : bound), exclusive);
    }

    /** Returns whether {@code score} satisfies this bound used as the minimum of a range. */
    public boolean admitsFromBelow(double score) {
        return exclusive ? score > value : score >= value;
    }

    /** Returns whether {@code score} satisfies this bound used as the maximum of a range. */
    public boolean admitsFromAbove(double score) {
        return exclusive ? score < value : score <= value;
    }

    private static double parseNumber(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int start = 0;
        while (start < text.length() && isCSpace(text.charAt(start))) {
            start++;
        }
        String number = text.substring(start);
        String unsigned = number.startsWith("+") || number.startsWith("-") ? number.substring(1) : number;
        String lower = unsigned.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return number.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (DECIMAL.matcher(number).matches()) {
            return Double.parseDouble(number);
        }
        Matcher hexadecimal = HEXADECIMAL.matcher(number);
        if (hexadecimal.matches()) {
            // Java reads hexadecimal floats rounding to nearest like strtod, but insists on the binary exponent.
            return Double.parseDouble(hexadecimal.group(2) == null ? number + "p0" : number);
        }
        throw new IllegalArgumentException("min or max is not a float");
    }

    /** C's {@code isspace} in the C locale. */
    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}

package io.slotwise.sim.cluster;

import java.util.OptionalLong;

/**
 * Parses command arguments as Redis's {@code string2ll} does: optional {@code -}, then decimal digits without leading
 * zeros (except {@code 0} itself), no {@code +}, no spaces, within the range of a signed 64-bit integer. Stateless and
 * thread-safe.
 */
public final class IntegerArgument {

    /** The error Redis returns for a malformed integer argument. */
    public static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";

    private IntegerArgument() {}

    /**
     * Parses strictly.
     *
     * @param text the argument, may be {@code null}
     * @return the value, or empty if the text is not a canonical 64-bit integer
     */
    public static OptionalLong tryParse(String text) {
        if (text == null || text.isEmpty() || text.length() > 20) {
            return OptionalLong.empty();
        }
        if (text.equals("0")) {
            return OptionalLong.of(0);
        }
        boolean negative = text.charAt(0) == '-';
        int first = negative ? 1 : 0;
        if (first >= text.length() || text.charAt(first) < '1' || text.charAt(first) > '9') {
            return OptionalLong.empty();
        }
        long magnitude = 0; // accumulated as a negative number to reach Long.MIN_VALUE
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            if (magnitude < (Long.MIN_VALUE + (c - '0')) / 10) {
                return OptionalLong.empty();
            }
            magnitude = magnitude * 10 - (c - '0');
        }
        if (negative) {
            return OptionalLong.of(magnitude);
        }
        return magnitude == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(-magnitude);
    }

    /**
     * Parses strictly or fails with Redis's generic integer error.
     *
     * @param text the argument, may be {@code null}
     * @return the value
     * @throws ClusterCommandException with {@value #NOT_AN_INTEGER}
     */
    public static long parse(String text) {
        OptionalLong value = tryParse(text);
        if (value.isEmpty()) {
            throw new ClusterCommandException(NOT_AN_INTEGER);
        }
        return value.getAsLong();
    }
}

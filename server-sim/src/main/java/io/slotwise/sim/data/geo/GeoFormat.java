package io.slotwise.sim.data.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The number texts of Redis 7.0's geo replies, as glibc's {@code printf} writes them (exact value, rounded half to
 * even): coordinates in Redis's "human" long-double form ({@code %.17Lf} without trailing zeros, so 13.361389338970184
 * is {@code 13.36138933897018433} and 180 is {@code 180}), distances as {@code %.4f}, and error values as {@code %f}.
 * Stateless.
 */
final class GeoFormat {
    private static final int HUMAN_DECIMALS = 17;
    private static final int DISTANCE_DECIMALS = 4;
    private static final int ERROR_DECIMALS = 6;

    private GeoFormat() {}

    /** A coordinate as GEOPOS and WITHCOORD print it. */
    static String coordinate(double value) {
        String text = fixed(value, HUMAN_DECIMALS);
        if (text.indexOf('.') >= 0) {
            int end = text.length();
            while (text.charAt(end - 1) == '0') {
                end--;
            }
            if (text.charAt(end - 1) == '.') {
                end--;
            }
            text = text.substring(0, end);
        }
        return text.equals("-0") ? "0" : text;
    }

    /** A distance as GEODIST and WITHDIST print it ({@code %.4f}). */
    static String distance(double value) {
        return fixed(value, DISTANCE_DECIMALS);
    }

    /** A number inside an error text ({@code %f}). */
    static String inError(double value) {
        return fixed(value, ERROR_DECIMALS);
    }

    /** C's {@code %.Nf} of a double: {@code inf}, {@code -inf} and {@code nan} for the special values. */
    private static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return Double.doubleToRawLongBits(value) < 0 ? "-nan" : "nan";
        }
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        if (Double.isInfinite(value)) {
            return negative ? "-inf" : "inf";
        }
        String digits = new BigDecimal(Math.abs(value))
                .setScale(decimals, RoundingMode.HALF_EVEN)
                .toPlainString();
        return negative ? "-" + digits : digits;
    }
}

package io.slotwise.sim.protocol;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as Redis 7.0 writes it in a double reply: {@code inf} and {@code -inf} for the infinities, and
 * otherwise what C's {@code printf("%.17g")} prints with glibc. That is the value rounded (exactly, half to even) to 17
 * significant digits, in plain notation when the decimal exponent is between -4 and 16 and in {@code d.ddde+XX}
 * notation otherwise, with trailing zeros (and a trailing point) removed: 3.14 gives {@code 3.1400000000000001}, 1.0
 * gives {@code 1}, 1e20 gives {@code 1e+20}, -0.0 gives {@code -0}, NaN gives {@code nan} or {@code -nan} by its sign.
 * Redis 7.2 and later print the shortest round-trip form instead; this simulator follows 7.0. Stateless and
 * thread-safe.
 */
public final class DoubleFormat {
    private static final int PRECISION = 17;
    private static final MathContext SIGNIFICANT_DIGITS = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

    private DoubleFormat() {}

    /**
     * Formats a double as Redis 7.0's double reply does.
     *
     * @param value any double
     * @return the ASCII text Redis would write; never null
     */
    public static String format(double value) {
        boolean negative = (Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0;
        if (Double.isNaN(value)) {
            return negative ? "-nan" : "nan";
        }
        if (Double.isInfinite(value)) {
            return negative ? "-inf" : "inf";
        }
        if (value == 0) {
            return negative ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT_DIGITS);
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        String significant = stripTrailingZeros(digits);
        StringBuilder out = new StringBuilder(26);
        if (negative) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= PRECISION) {
            out.append(significant.charAt(0));
            if (significant.length() > 1) {
                out.append('.').append(significant, 1, significant.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (exponent < 0) {
            out.append("0.");
            out.append("0".repeat(-exponent - 1));
            out.append(significant);
        } else if (significant.length() <= exponent + 1) {
            out.append(significant);
            out.append("0".repeat(exponent + 1 - significant.length()));
        } else {
            out.append(significant, 0, exponent + 1)
                    .append('.')
                    .append(significant, exponent + 1, significant.length());
        }
        return out.toString();
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}

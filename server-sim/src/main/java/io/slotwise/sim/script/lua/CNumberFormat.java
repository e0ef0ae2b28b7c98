package io.slotwise.sim.script.lua;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code printf} conversions of a double ({@code %f}, {@code %e}, {@code %g}) as glibc prints them: rounding the
 * exact binary value half to even, {@code inf}/{@code -inf}, {@code -nan} for the default NaN of x86 (which Java
 * represents with the opposite sign bit), and {@code %g}'s trailing zeros removed. Stateless.
 */
final class CNumberFormat {
    private CNumberFormat() {}

    /** Formats as {@code %.14g}, the way Lua 5.1 converts a number to a string. */
    static String lua(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d == 0 && 1 / d < 0 ? "-0" : Long.toString((long) d);
        }
        return g(d, 14, false);
    }

    /** Returns the text of a non-finite value, or null for a finite one. */
    static String nonFinite(double d, boolean upper) {
        String text = null;
        if (Double.isNaN(d)) {
            text = Double.doubleToRawLongBits(d) < 0 ? "nan" : "-nan";
        } else if (Double.isInfinite(d)) {
            text = d > 0 ? "inf" : "-inf";
        }
        return text != null && upper ? text.toUpperCase(java.util.Locale.ROOT) : text;
    }

    /** {@code %.<precision>f} without sign handling for non-finite values (callers check {@link #nonFinite}). */
    static String f(double d, int precision) {
        String s = new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return d < 0 || (d == 0 && 1 / d < 0) ? (s.startsWith("-") ? s : "-" + s) : s;
    }

    /** {@code %.<precision>e}. */
    static String e(double d, int precision) {
        if (d == 0) {
            String zeros = precision > 0 ? "." + "0".repeat(precision) : "";
            return (1 / d < 0 ? "-" : "") + "0" + zeros + "e+00";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal rounded = exact.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String digits = rounded.unscaledValue().abs().toString();
        while (digits.length() < precision + 1) {
            digits = digits + "0";
        }
        digits = digits.substring(0, precision + 1);
        StringBuilder out = new StringBuilder();
        if (d < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (precision > 0) {
            out.append('.').append(digits, 1, precision + 1);
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        out.append(abs < 10 ? "0" + abs : Integer.toString(abs));
        return out.toString();
    }

    /** {@code %.<precision>g}, with {@code #} (keep trailing zeros) when {@code alternate}. */
    static String g(double d, int precision, boolean alternate) {
        String text = nonFinite(d, false);
        if (text != null) {
            return text;
        }
        int p = precision == 0 ? 1 : precision;
        int exponent;
        if (d == 0) {
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(d).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
        }
        String out;
        if (p > exponent && exponent >= -4) {
            out = f(d, p - 1 - exponent);
            if (!alternate && out.indexOf('.') >= 0) {
                out = stripZeros(out);
            }
        } else {
            out = e(d, p - 1);
            if (!alternate) {
                int at = out.indexOf('e');
                out = stripZeros(out.substring(0, at)) + out.substring(at);
            }
        }
        return out;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}

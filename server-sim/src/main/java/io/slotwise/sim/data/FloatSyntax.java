package io.slotwise.sim.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floating-point syntax of C's {@code strtod}/{@code strtold} as Redis accepts it in arguments and stored values
 * ({@code getDoubleFromObject}, {@code string2ld}): the whole text must be one number, with no leading blank, an
 * optional sign, then decimal digits with an optional point and exponent, a hexadecimal float ({@code 0x1.8p3}, the
 * binary exponent optional) or {@code inf}/{@code infinity} in any case. NaN and values that overflow or underflow to
 * zero are rejected. Stateless.
 */
final class FloatSyntax {
    private static final Pattern DECIMAL = Pattern.compile("([+-]?)(\\d+\\.?\\d*|\\.\\d+)(?:[eE]([+-]?\\d+))?");
    private static final Pattern HEX =
            Pattern.compile("([+-]?)0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)(?:[pP]([+-]?\\d+))?");
    private static final Pattern INFINITY = Pattern.compile("([+-]?)(?i:inf|infinity)");

    /** Decimal exponents beyond this put any non-zero value far outside every floating-point range. */
    private static final long DECIMAL_EXPONENT_LIMIT = 1_000_000;

    /** The same for binary exponents; small enough that exact hexadecimal values stay cheap to compute. */
    private static final long BINARY_EXPONENT_LIMIT = 20_000;

    private FloatSyntax() {}

    /**
     * A parsed number.
     *
     * @param exact the exact value written, or null for an infinity
     * @param infinitySign +1 or -1 for an infinity, 0 otherwise
     */
    record Parsed(BigDecimal exact, int infinitySign) {}

    /**
     * Parses {@code text} as {@code strtod} would and converts it to the nearest double, rejecting what Redis's
     * {@code getDoubleFromObject} rejects (then answered {@code ERR value is not a valid float}).
     *
     * @return the value (possibly infinite), or empty
     */
    static OptionalDouble parseDouble(byte[] text) {
        Parsed parsed = parse(text);
        if (parsed == null) {
            return OptionalDouble.empty();
        }
        if (parsed.exact() == null) {
            return OptionalDouble.of(parsed.infinitySign() > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        double value = parsed.exact().doubleValue();
        if (Double.isInfinite(value) || (value == 0 && parsed.exact().signum() != 0)) {
            return OptionalDouble.empty(); // strtod's ERANGE with HUGE_VAL or 0
        }
        return OptionalDouble.of(value == 0 && text[0] == '-' ? -0.0 : value);
    }

    /**
     * Parses the syntax exactly, without rounding to any floating-point format.
     *
     * @return the number, or null if the text is not one (or its exponent is absurdly large for a non-zero value)
     */
    static Parsed parse(byte[] text) {
        String number = new String(text, StandardCharsets.ISO_8859_1);
        Matcher matcher = INFINITY.matcher(number);
        if (matcher.matches()) {
            return new Parsed(null, matcher.group(1).equals("-") ? -1 : 1);
        }
        matcher = DECIMAL.matcher(number);
        if (matcher.matches()) {
            return finite(matcher, decimal(matcher.group(2), matcher.group(3)));
        }
        matcher = HEX.matcher(number);
        if (matcher.matches()) {
            return finite(matcher, hexadecimal(matcher.group(2), matcher.group(3)));
        }
        return null;
    }

    private static Parsed finite(Matcher matcher, BigDecimal magnitude) {
        if (magnitude == null) {
            return null;
        }
        return new Parsed(matcher.group(1).equals("-") ? magnitude.negate() : magnitude, 0);
    }

    private static BigDecimal decimal(String digits, String exponentText) {
        int point = digits.indexOf('.');
        String mantissa = point < 0 ? digits : digits.substring(0, point) + digits.substring(point + 1);
        int fractionDigits = point < 0 ? 0 : digits.length() - point - 1;
        BigInteger unscaled = new BigInteger(mantissa);
        Long exponent = exponent(exponentText, DECIMAL_EXPONENT_LIMIT);
        if (exponent == null) {
            return unscaled.signum() == 0 ? BigDecimal.ZERO : null;
        }
        return new BigDecimal(unscaled, Math.toIntExact(fractionDigits - exponent));
    }

    private static BigDecimal hexadecimal(String digits, String exponentText) {
        int point = digits.indexOf('.');
        String mantissa = point < 0 ? digits : digits.substring(0, point) + digits.substring(point + 1);
        int fractionDigits = point < 0 ? 0 : digits.length() - point - 1;
        BigInteger unscaled = mantissa.isEmpty() ? BigInteger.ZERO : new BigInteger(mantissa, 16);
        Long exponent = exponent(exponentText, BINARY_EXPONENT_LIMIT);
        if (exponent == null || Math.abs(exponent - 4L * fractionDigits) > BINARY_EXPONENT_LIMIT) {
            return unscaled.signum() == 0 ? BigDecimal.ZERO : null;
        }
        return scaleByPowerOfTwo(new BigDecimal(unscaled), Math.toIntExact(exponent - 4L * fractionDigits));
    }

    /** Returns the exponent, 0 when absent, or null when it is too large to matter (the value is 0, inf or rejected). */
    private static Long exponent(String text, long limit) {
        if (text == null) {
            return 0L;
        }
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 7 || Long.parseLong(significant) > limit) {
            return null;
        }
        long value = Long.parseLong(significant);
        return text.startsWith("-") ? -value : value;
    }

    /** Returns {@code value × 2^power} exactly. */
    private static BigDecimal scaleByPowerOfTwo(BigDecimal value, int power) {
        if (power >= 0) {
            return value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(power)));
        }
        return value.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-power))).scaleByPowerOfTen(power);
    }
}

package io.slotwise.sim.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The x87 80-bit {@code long double} that Redis on x86-64 computes HINCRBYFLOAT and blocking timeouts with: a 64-bit
 * significand and a 15-bit exponent. Values are kept as exact decimals and rounded to the nearest representable number
 * (ties to even) after parsing and after every operation, so results match Redis digit for digit, for example {@code
 * 10.5 + 0.1} printing as {@code 10.6} where double arithmetic would print {@code 10.59999999999999964}. Subnormal
 * numbers keep full precision (a deliberate simplification far below any value a command meets). Immutable.
 */
final class X87LongDouble {
    private static final int SIGNIFICAND_BITS = 64;
    private static final int MAX_EXPONENT = 16383; // largest finite value is just below 2^16384
    private static final int MIN_EXPONENT = -16445; // smallest subnormal is 2^-16445
    private static final int MAX_TEXT_LENGTH = 5 * 1024 - 1; // Redis's MAX_LONG_DOUBLE_CHARS buffer
    private static final BigInteger TWO_TO_63 = BigInteger.ONE.shiftLeft(SIGNIFICAND_BITS - 1);
    private static final double LOG2_10 = Math.log(10) / Math.log(2);
    private static final int HUMAN_DECIMALS = 17;
    private static final int MAX_DECIMAL_EXPONENT = 4932;
    private static final int MIN_DECIMAL_EXPONENT = -4952;

    /** Zero. */
    static final X87LongDouble ZERO = new X87LongDouble(BigDecimal.ZERO, 0, false);

    private final BigDecimal exact; // null when infinite or NaN
    private final int infinitySign;
    private final boolean nan;

    private X87LongDouble(BigDecimal exact, int infinitySign, boolean nan) {
        this.exact = exact;
        this.infinitySign = infinitySign;
        this.nan = nan;
    }

    /**
     * Parses as Redis's {@code string2ld} does ({@link FloatSyntax}, at most 5119 characters), rounding to the nearest
     * long double.
     *
     * @return the value, possibly infinite; null if the text is not a number or overflows or underflows to zero
     */
    static X87LongDouble parse(byte[] text) {
        if (text.length > MAX_TEXT_LENGTH) {
            return null;
        }
        FloatSyntax.Parsed parsed = FloatSyntax.parse(text);
        if (parsed == null) {
            return null;
        }
        if (parsed.exact() == null) {
            return new X87LongDouble(null, parsed.infinitySign(), false);
        }
        X87LongDouble value = rounded(parsed.exact());
        boolean underflow = value.exact != null
                && value.exact.signum() == 0
                && parsed.exact().signum() != 0;
        return value.isFinite() && !underflow ? value : null;
    }

    /** Returns whether this is neither infinite nor NaN. */
    boolean isFinite() {
        return exact != null;
    }

    /** Returns the rounded sum, as the FPU would compute it. */
    X87LongDouble plus(X87LongDouble other) {
        if (nan || other.nan) {
            return new X87LongDouble(null, 0, true);
        }
        if (exact == null || other.exact == null) {
            int sign = infinitySign + other.infinitySign;
            return exact == null && other.exact == null && infinitySign != other.infinitySign
                    ? new X87LongDouble(null, 0, true)
                    : new X87LongDouble(null, Integer.signum(sign), false);
        }
        return rounded(exact.add(other.exact));
    }

    /** Returns the rounded product with a positive factor, as the FPU would compute it. */
    X87LongDouble times(long factor) {
        if (factor <= 0) {
            throw new IllegalArgumentException("factor must be positive: " + factor);
        }
        return exact == null ? this : rounded(exact.multiply(BigDecimal.valueOf(factor)));
    }

    /**
     * Converts to a 64-bit integer truncating towards zero, as C's cast does on x86-64: NaN, infinities and values out
     * of range give {@link Long#MIN_VALUE} (the FPU's "integer indefinite").
     */
    long truncateToLong() {
        if (exact == null) {
            return Long.MIN_VALUE;
        }
        BigInteger whole = exact.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        return whole.bitLength() < 64 ? whole.longValueExact() : Long.MIN_VALUE;
    }

    /**
     * Formats as Redis's {@code ld2string} in human mode: C's {@code %.17Lf}, then trailing zeros and a trailing point
     * removed, and {@code -0} written as {@code 0}. Only for finite values.
     */
    String toHumanString() {
        if (exact == null) {
            throw new IllegalStateException("not finite");
        }
        String text = exact.setScale(HUMAN_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        text = text.substring(0, end);
        return text.equals("-0") ? "0" : text;
    }

    /** Returns {@code value × 2^power} exactly. */
    static BigDecimal scaleByPowerOfTwo(BigDecimal value, int power) {
        if (power >= 0) {
            return value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(power)));
        }
        return value.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-power))).scaleByPowerOfTen(power);
    }

    private static X87LongDouble rounded(BigDecimal value) {
        if (value.signum() == 0) {
            return ZERO;
        }
        BigDecimal magnitude = value.abs();
        int decimalExponent = magnitude.precision() - magnitude.scale() - 1;
        if (decimalExponent > MAX_DECIMAL_EXPONENT) { // beyond 1.19e4932: skip the costly exact arithmetic
            return new X87LongDouble(null, value.signum(), false);
        }
        if (decimalExponent < MIN_DECIMAL_EXPONENT) { // below 3.65e-4951
            return ZERO;
        }
        int exponent = estimateExponent(decimalExponent);
        BigInteger significand;
        while (true) {
            BigDecimal scaled = scaleByPowerOfTwo(magnitude, -exponent);
            if (scaled.compareTo(new BigDecimal(TWO_TO_63.shiftLeft(1))) >= 0) {
                exponent++;
            } else if (scaled.compareTo(new BigDecimal(TWO_TO_63)) < 0) {
                exponent--;
            } else {
                significand = scaled.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
                break;
            }
        }
        if (significand.bitLength() > SIGNIFICAND_BITS) { // rounded up to 2^64
            significand = significand.shiftRight(1);
            exponent++;
        }
        if (exponent + SIGNIFICAND_BITS - 1 > MAX_EXPONENT) {
            return new X87LongDouble(null, value.signum(), false);
        }
        if (exponent + SIGNIFICAND_BITS - 1 < MIN_EXPONENT) {
            return ZERO;
        }
        BigDecimal result = scaleByPowerOfTwo(new BigDecimal(significand), exponent);
        return new X87LongDouble(value.signum() < 0 ? result.negate() : result, 0, false);
    }

    /** Returns an exponent e with 2^63 ≤ magnitude / 2^e < 2^64, give or take a few. */
    private static int estimateExponent(int decimalExponent) {
        return (int) Math.floor(decimalExponent * LOG2_10) - (SIGNIFICAND_BITS - 1);
    }

    @Override
    public String toString() {
        return nan ? "nan" : exact == null ? (infinitySign > 0 ? "inf" : "-inf") : exact.toPlainString();
    }
}

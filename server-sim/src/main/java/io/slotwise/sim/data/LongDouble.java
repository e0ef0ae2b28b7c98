package io.slotwise.sim.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The C {@code long double} of Redis on x86-64 Linux (the x87 80-bit extended format: a 64-bit significand, exponents
 * from -16382, subnormals down to 2^-16445, overflow at 2^16384), emulated exactly with big integers: what INCRBYFLOAT
 * computes with.
 *
 * <p>A value is {@code ±significand × 2^exponent} with a significand below 2^64, or an infinity. {@link #parse} reads
 * text as Redis's {@code string2ld} does (glibc {@code strtold}, correctly rounded), {@link #plus} rounds the exact sum
 * to nearest-even, and {@link #toHumanString} prints as Redis's {@code ld2string(..., LD_STR_HUMAN)}: {@code %.17Lf}
 * with trailing zeros (and a trailing point) removed, and {@code -0} shown as {@code 0}. So {@code 10.5 + 0.1} prints
 * {@code 10.6}, where a Java double would print {@code 10.59999999999999964}. Immutable and thread-safe.
 */
final class LongDouble {
    /** Bits in the significand, including the explicit integer bit. */
    private static final int PRECISION = 64;
    /** The exponent of the least significant bit of the smallest subnormal: 2^-16445. */
    private static final int MIN_EXPONENT = -16445;
    /** The largest exponent of a finite value: (2^64 - 1) × 2^16320 is the largest finite value. */
    private static final int MAX_EXPONENT = 16384 - PRECISION;
    /** Redis's {@code MAX_LONG_DOUBLE_CHARS}: longer text is not a float. */
    private static final int MAX_TEXT_LENGTH = 5 * 1024;
    /** Decimal exponents beyond these give infinity or zero whatever the digits (with a wide margin). */
    private static final long DECIMAL_EXPONENT_LIMIT = 20_000;
    /** Binary exponents beyond these give infinity or zero whatever the digits (with a wide margin). */
    private static final long BINARY_EXPONENT_LIMIT = 40_000;

    static final LongDouble ZERO = new LongDouble(false, BigInteger.ZERO, 0, false);

    private final boolean negative;
    private final BigInteger significand;
    private final int exponent;
    private final boolean infinite;

    private LongDouble(boolean negative, BigInteger significand, int exponent, boolean infinite) {
        this.negative = negative;
        this.significand = significand;
        this.exponent = exponent;
        this.infinite = infinite;
    }

    /**
     * Reads a float as Redis's {@code string2ld}: decimal or hexadecimal notation, {@code inf} or {@code infinity} in any
     * case, an optional sign; no leading blank, nothing after the number (the text ends at a NUL byte, as a C string
     * does); not NaN; not so large that it overflows or so small that it underflows to zero.
     *
     * @return the value (possibly infinite), or empty if Redis would answer {@code ERR value is not a valid float}
     */
    static Optional<LongDouble> parse(byte[] text) {
        if (text.length == 0 || text.length >= MAX_TEXT_LENGTH || isSpace(text[0])) {
            return Optional.empty();
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new Reader(text, end).read();
    }

    /** Returns the value of a 64-bit integer, exactly. */
    static LongDouble of(long value) {
        BigInteger magnitude = BigInteger.valueOf(value).abs();
        return new LongDouble(value < 0, magnitude, 0, false).rounded();
    }

    /** Whether the value is an infinity. */
    boolean isInfinite() {
        return infinite;
    }

    /**
     * Returns the correctly rounded sum. Infinite if either operand is infinite or the sum overflows; for infinities of
     * opposite signs (NaN in C) it also answers an infinity: callers reject both alike.
     */
    LongDouble plus(LongDouble other) {
        if (infinite || other.infinite) {
            return infinite ? this : other;
        }
        int common = Math.min(exponent, other.exponent);
        BigInteger a = signed().shiftLeft(exponent - common);
        BigInteger b = other.signed().shiftLeft(other.exponent - common);
        BigInteger sum = a.add(b);
        return round(sum.signum() < 0, sum.abs(), BigInteger.ONE, common);
    }

    /**
     * Returns the correctly rounded product with a positive integer, as the FPU computes {@code seconds * 1000} for a
     * blocking command's timeout.
     *
     * @param factor the factor, at least 1
     * @return the product, infinite on overflow
     */
    LongDouble times(long factor) {
        if (factor <= 0) {
            throw new IllegalArgumentException("factor must be positive: " + factor);
        }
        if (infinite) {
            return this;
        }
        return round(negative, significand.multiply(BigInteger.valueOf(factor)), BigInteger.ONE, exponent);
    }

    /**
     * Converts to a 64-bit integer truncating towards zero, as C's cast does on x86-64: infinities and values out of
     * range give {@link Long#MIN_VALUE} (the FPU's "integer indefinite").
     */
    long truncateToLong() {
        if (infinite) {
            return Long.MIN_VALUE;
        }
        BigInteger magnitude = exponent >= 0 ? significand.shiftLeft(exponent) : significand.shiftRight(-exponent);
        if (magnitude.bitLength() >= 64) {
            return Long.MIN_VALUE;
        }
        return negative ? -magnitude.longValueExact() : magnitude.longValueExact();
    }

    /**
     * Converts to a 64-bit integer rounding towards positive infinity, as C's {@code (long long) ceill(x)} does on
     * x86-64: infinities and values out of range give {@link Long#MIN_VALUE}.
     */
    long ceilToLong() {
        long truncated = truncateToLong();
        if (infinite || truncated == Long.MIN_VALUE || negative || exponent >= 0) {
            return truncated;
        }
        boolean fraction = significand.signum() != 0 && significand.getLowestSetBit() < -exponent;
        if (!fraction) {
            return truncated;
        }
        return truncated == Long.MAX_VALUE ? Long.MIN_VALUE : truncated + 1;
    }

    /**
     * Formats as Redis's human-friendly long double text: {@code %.17Lf}, then trailing zeros and a trailing point
     * removed; {@code -0} becomes {@code 0}; infinities print as {@code inf} and {@code -inf}.
     */
    String toHumanString() {
        if (infinite) {
            return negative ? "-inf" : "inf";
        }
        BigDecimal exact = exponent >= 0
                ? new BigDecimal(significand.shiftLeft(exponent))
                : new BigDecimal(significand.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
        String fixed = exact.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int length = fixed.length();
        while (fixed.charAt(length - 1) == '0') {
            length--;
        }
        if (fixed.charAt(length - 1) == '.') {
            length--;
        }
        String digits = fixed.substring(0, length);
        boolean printsNegative = negative && !digits.equals("0");
        return printsNegative ? "-" + digits : digits;
    }

    private BigInteger signed() {
        return negative ? significand.negate() : significand;
    }

    private LongDouble rounded() {
        return round(negative, significand, BigInteger.ONE, exponent);
    }

    /**
     * Rounds {@code ±numerator / denominator × 2^scale} to nearest-even in the extended format.
     *
     * @return the value, infinite on overflow, {@link #ZERO}-like (keeping the sign) on underflow
     */
    private static LongDouble round(boolean negative, BigInteger numerator, BigInteger denominator, int scale) {
        if (numerator.signum() == 0) {
            return new LongDouble(negative, BigInteger.ZERO, 0, false);
        }
        // floor(log2(numerator / denominator)), from the bit lengths and one comparison.
        int estimate = numerator.bitLength() - denominator.bitLength();
        boolean atLeast = estimate >= 0
                ? numerator.compareTo(denominator.shiftLeft(estimate)) >= 0
                : numerator.shiftLeft(-estimate).compareTo(denominator) >= 0;
        long floorLog2 = (long) (atLeast ? estimate : estimate - 1) + scale;
        long lsbExponent = Math.max(floorLog2 - (PRECISION - 1), MIN_EXPONENT);
        if (lsbExponent > MAX_EXPONENT) {
            return new LongDouble(negative, BigInteger.ZERO, 0, true);
        }
        int shift = (int) (lsbExponent - scale);
        BigInteger num = shift < 0 ? numerator.shiftLeft(-shift) : numerator;
        BigInteger den = shift > 0 ? denominator.shiftLeft(shift) : denominator;
        BigInteger[] quotientAndRemainder = num.divideAndRemainder(den);
        BigInteger quotient = quotientAndRemainder[0];
        int half = quotientAndRemainder[1].shiftLeft(1).compareTo(den);
        if (half > 0 || (half == 0 && quotient.testBit(0))) {
            quotient = quotient.add(BigInteger.ONE);
        }
        int resultExponent = (int) lsbExponent;
        if (quotient.bitLength() > PRECISION) {
            quotient = quotient.shiftRight(1);
            resultExponent++;
            if (resultExponent > MAX_EXPONENT) {
                return new LongDouble(negative, BigInteger.ZERO, 0, true);
            }
        }
        return new LongDouble(negative, quotient, resultExponent, false);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    /** A one-shot reader of the strtold grammar over {@code text[0, end)}. */
    private static final class Reader {
        private final byte[] text;
        private final int end;
        private int position;

        Reader(byte[] text, int end) {
            this.text = text;
            this.end = end;
        }

        Optional<LongDouble> read() {
            if (end == 0) {
                // strtold("") converts nothing and answers 0 without an error; string2ld accepts that.
                return Optional.of(ZERO);
            }
            boolean negative = false;
            if (peek() == '+' || peek() == '-') {
                negative = text[position++] == '-';
            }
            Optional<LongDouble> value;
            if (matchesWord("infinity") || matchesWord("inf")) {
                value = Optional.of(new LongDouble(negative, BigInteger.ZERO, 0, true));
            } else if (peek() == '0' && (peekAt(1) == 'x' || peekAt(1) == 'X') && isHexStart(position + 2)) {
                position += 2;
                value = hexadecimal(negative);
            } else {
                value = decimal(negative);
            }
            return position == end ? value : Optional.empty();
        }

        private Optional<LongDouble> decimal(boolean negative) {
            StringBuilder digits = new StringBuilder();
            long fractionDigits = 0;
            int mantissaDigits = 0;
            while (isDigit(peek())) {
                digits.append((char) text[position++]);
                mantissaDigits++;
            }
            if (peek() == '.') {
                position++;
                while (isDigit(peek())) {
                    digits.append((char) text[position++]);
                    fractionDigits++;
                    mantissaDigits++;
                }
            }
            if (mantissaDigits == 0) {
                return Optional.empty();
            }
            long exponent = optionalExponent() - fractionDigits;
            BigInteger mantissa = new BigInteger(digits.toString());
            return finite(negative, mantissa, exponent, mantissa.toString().length(), 10, DECIMAL_EXPONENT_LIMIT);
        }

        private Optional<LongDouble> hexadecimal(boolean negative) {
            StringBuilder digits = new StringBuilder();
            long fractionDigits = 0;
            while (Character.digit(peek(), 16) >= 0) {
                digits.append((char) text[position++]);
            }
            if (peek() == '.') {
                position++;
                while (Character.digit(peek(), 16) >= 0) {
                    digits.append((char) text[position++]);
                    fractionDigits++;
                }
            }
            long exponent = 0;
            if ((peek() == 'p' || peek() == 'P') && exponentDigitsFollow()) {
                position++;
                exponent = signedDigits();
            }
            BigInteger mantissa = new BigInteger(digits.toString(), 16);
            long binaryExponent = exponent - 4 * fractionDigits;
            return finite(negative, mantissa, binaryExponent, mantissa.bitLength(), 2, BINARY_EXPONENT_LIMIT);
        }

        /**
         * Rounds {@code mantissa × base^exponent}; {@code magnitude} is the mantissa's length in digits of the base.
         * Empty on overflow or on underflow to zero (strtold's ERANGE, which string2ld rejects).
         */
        private static Optional<LongDouble> finite(
                boolean negative, BigInteger mantissa, long exponent, int magnitude, int base, long limit) {
            if (mantissa.signum() == 0) {
                return Optional.of(new LongDouble(negative, BigInteger.ZERO, 0, false));
            }
            long order = exponent + magnitude;
            if (order > limit || order < -limit) {
                return Optional.empty();
            }
            LongDouble value;
            if (base == 2) {
                value = round(negative, mantissa, BigInteger.ONE, (int) exponent);
            } else if (exponent >= 0) {
                value = round(negative, mantissa.multiply(BigInteger.TEN.pow((int) exponent)), BigInteger.ONE, 0);
            } else {
                value = round(negative, mantissa, BigInteger.TEN.pow((int) -exponent), 0);
            }
            return value.infinite || value.significand.signum() == 0 ? Optional.empty() : Optional.of(value);
        }

        /** Reads {@code e[+-]digits} if present; an 'e' without digits is left unread, as strtold leaves it. */
        private long optionalExponent() {
            if ((peek() == 'e' || peek() == 'E') && exponentDigitsFollow()) {
                position++;
                return signedDigits();
            }
            return 0;
        }

        private boolean exponentDigitsFollow() {
            int at = position + 1;
            if (at < end && (text[at] == '+' || text[at] == '-')) {
                at++;
            }
            return at < end && isDigit(text[at]);
        }

        /** Reads a signed decimal exponent, saturating far beyond any meaningful value. */
        private long signedDigits() {
            boolean negative = false;
            if (peek() == '+' || peek() == '-') {
                negative = text[position++] == '-';
            }
            long value = 0;
            while (isDigit(peek())) {
                value = Math.min(value * 10 + (text[position++] - '0'), Integer.MAX_VALUE);
            }
            return negative ? -value : value;
        }

        private boolean isHexStart(int at) {
            if (at < end && Character.digit(text[at], 16) >= 0) {
                return true;
            }
            return at + 1 < end && text[at] == '.' && Character.digit(text[at + 1], 16) >= 0;
        }

        private boolean matchesWord(String word) {
            if (end - position < word.length()) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (Character.toLowerCase((char) text[position + i]) != word.charAt(i)) {
                    return false;
                }
            }
            position += word.length();
            return true;
        }

        private int peek() {
            return peekAt(0);
        }

        private int peekAt(int offset) {
            return position + offset < end ? text[position + offset] : -1;
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }
    }
}

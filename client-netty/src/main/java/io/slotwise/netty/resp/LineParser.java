package io.slotwise.netty.resp;

import io.netty.buffer.ByteBuf;
import io.slotwise.resp.RespProtocolException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses the text of one RESP line (the bytes between the type marker and CRLF, read in place from a buffer) into
 * numbers, booleans and strings. Strict: anything outside the RESP3 grammar fails with a
 * {@link RespProtocolException} that quotes the offending text.
 */
final class LineParser {

    /** How many bytes of an offending line an error message quotes. */
    private static final int QUOTE_LIMIT = 32;

    private LineParser() {}

    static String text(ByteBuf buf, int start, int length) {
        return buf.toString(start, length, StandardCharsets.UTF_8);
    }

    /** Parses a length or count header; the caller judges the sign and the limits. */
    static long length(ByteBuf buf, int start, int length, RespType type) {
        return signedLong(buf, start, length, type);
    }

    /** Parses an integer reply: {@code [+|-]digits}, within 64 bits. */
    static long integer(ByteBuf buf, int start, int length) {
        return signedLong(buf, start, length, null);
    }

    /** Parses a boolean: exactly {@code t} or {@code f}. */
    static boolean bool(ByteBuf buf, int start, int length) {
        if (length == 1) {
            byte b = buf.getByte(start);
            if (b == 't') {
                return true;
            }
            if (b == 'f') {
                return false;
            }
        }
        throw invalid("boolean", buf, start, length);
    }

    /** Parses a double: {@code [+|-]digits[.digits][(e|E)[+|-]digits]}, or {@code inf}, {@code -inf}, {@code nan}. */
    static double decimal(ByteBuf buf, int start, int length) {
        if (length > 0) {
            String text = buf.toString(start, length, StandardCharsets.US_ASCII);
            int signLength = hasSign(text) ? 1 : 0;
            String unsigned = text.substring(signLength).toLowerCase(Locale.ROOT);
            boolean negative = text.charAt(0) == '-';
            if (unsigned.equals("inf")) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (unsigned.equals("nan")) {
                return Double.NaN;
            }
            if (isDecimalLiteral(unsigned)) {
                return Double.parseDouble(text);
            }
        }
        throw invalid("double", buf, start, length);
    }

    /** Parses a big number: {@code [+|-]digits}, any length. */
    static BigInteger bigNumber(ByteBuf buf, int start, int length) {
        String text = buf.toString(start, length, StandardCharsets.US_ASCII);
        int signLength = hasSign(text) ? 1 : 0;
        if (text.length() > signLength && countDigits(text, signLength) == text.length() - signLength) {
            return new BigInteger(text);
        }
        throw invalid("big number", buf, start, length);
    }

    /** Quotes at most 32 bytes of a line for an error message, escaping anything not printable ASCII. */
    static String quote(ByteBuf buf, int start, int length) {
        int shown = Math.min(length, QUOTE_LIMIT);
        StringBuilder out = new StringBuilder(shown + 8).append('"');
        for (int i = start; i < start + shown; i++) {
            int b = buf.getByte(i) & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        out.append('"');
        return shown < length ? out + "... (" + length + " bytes)" : out.toString();
    }

    /** Describes a single byte: {@code 'x' (0x78)} when printable, else {@code 0x0a}. */
    static String describeByte(byte b) {
        int unsigned = b & 0xff;
        String hex = String.format("0x%02x", unsigned);
        return unsigned >= 0x20 && unsigned < 0x7f ? "'" + (char) unsigned + "' (" + hex + ")" : hex;
    }

    /**
     * Parses {@code [+|-]digits} within 64 bits.
     *
     * @param lengthOf the type whose length header this is, or {@code null} for an integer reply; names the value in
     *     the error message, which is only built on failure
     */
    private static long signedLong(ByteBuf buf, int start, int length, RespType lengthOf) {
        int end = start + length;
        int i = start;
        boolean negative = false;
        if (length > 0) {
            byte first = buf.getByte(i);
            if (first == '-' || first == '+') {
                negative = first == '-';
                i++;
            }
        }
        if (i == end) {
            throw invalid(lengthLabel(lengthOf), buf, start, length);
        }
        // Accumulate negatively so that Long.MIN_VALUE parses, as Long.parseLong does.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long result = 0;
        for (; i < end; i++) {
            int digit = buf.getByte(i) - '0';
            if (digit < 0 || digit > 9 || result < limit / 10) {
                throw invalid(lengthLabel(lengthOf), buf, start, length);
            }
            result *= 10;
            if (result < limit + digit) {
                throw invalid(lengthLabel(lengthOf), buf, start, length);
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    private static String lengthLabel(RespType lengthOf) {
        return lengthOf == null ? "integer" : lengthOf.label() + " length";
    }

    private static boolean isDecimalLiteral(String unsigned) {
        int integral = countDigits(unsigned, 0);
        if (integral == 0) {
            return false;
        }
        int i = integral;
        if (i < unsigned.length() && unsigned.charAt(i) == '.') {
            int fraction = countDigits(unsigned, i + 1);
            if (fraction == 0) {
                return false;
            }
            i += 1 + fraction;
        }
        if (i < unsigned.length() && unsigned.charAt(i) == 'e') {
            i++;
            if (i < unsigned.length() && (unsigned.charAt(i) == '+' || unsigned.charAt(i) == '-')) {
                i++;
            }
            int exponent = countDigits(unsigned, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == unsigned.length();
    }

    private static boolean hasSign(String text) {
        return !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+');
    }

    private static int countDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static RespProtocolException invalid(String what, ByteBuf buf, int start, int length) {
        return new RespProtocolException("Invalid " + what + " " + quote(buf, start, length));
    }
}

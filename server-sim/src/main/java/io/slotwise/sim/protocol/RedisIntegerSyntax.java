package io.slotwise.sim.protocol;

import io.netty.buffer.ByteBuf;
import java.util.OptionalLong;

/**
 * Reads a signed 64-bit decimal integer with exactly the strictness of Redis's {@code string2ll}: an optional '-', then
 * either the single digit 0 or a digit 1-9 followed by digits, nothing else (no '+', no spaces, no leading zeros, no
 * "-0"), at most 20 characters, and no overflow. Stateless and thread-safe.
 */
final class RedisIntegerSyntax {
    private static final int MAX_LENGTH = 20;

    private RedisIntegerSyntax() {}

    /**
     * Parses {@code length} bytes of {@code buf} from absolute index {@code from} without moving its indexes.
     *
     * @return the value, or empty when the bytes are not an integer as Redis reads one
     */
    static OptionalLong parse(ByteBuf buf, int from, int length) {
        if (length == 0 || length > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        if (length == 1 && buf.getByte(from) == '0') {
            return OptionalLong.of(0);
        }
        int index = from;
        int end = from + length;
        boolean negative = buf.getByte(index) == '-';
        if (negative) {
            index++;
        }
        if (index == end) {
            return OptionalLong.empty();
        }
        byte first = buf.getByte(index);
        if (first < '1' || first > '9') {
            return OptionalLong.empty();
        }
        // Accumulate as a negative number: its range holds the magnitude of Long.MIN_VALUE.
        long value = 0;
        for (; index < end; index++) {
            byte b = buf.getByte(index);
            if (b < '0' || b > '9') {
                return OptionalLong.empty();
            }
            int digit = b - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return OptionalLong.empty();
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                return OptionalLong.empty();
            }
            value = -value;
        }
        return OptionalLong.of(value);
    }
}

package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Integers in count and length lines are read exactly as strictly as Redis's string2ll. */
class RedisIntegerSyntaxTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0, 0",
        "7, 7",
        "-1, -1",
        "2147483648, 2147483648",
        "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808",
        "10000000000000000000, ",
        "9223372036854775808, ",
        "-9223372036854775809, ",
    })
    void integersInRangeParseAndOverflowIsRejected(String text, Long expected) {
        OptionalLong parsed = parse(text);
        assertEquals(expected == null ? OptionalLong.empty() : OptionalLong.of(expected), parsed);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {"", "-", "+1", "01", "00", "-0", "-01", " 1", "1 ", "1x", "0x10", "1.0", "123456789012345678901"
            })
    void anythingElseIsNotAnInteger(String text) {
        assertEquals(OptionalLong.empty(), parse(text));
    }

    private static OptionalLong parse(String text) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes("<" + text + ">"));
        try {
            return RedisIntegerSyntax.parse(buf, 1, text.length());
        } finally {
            buf.release();
        }
    }
}

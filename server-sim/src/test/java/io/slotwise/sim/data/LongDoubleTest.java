package io.slotwise.sim.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The x87 extended-precision emulation behind INCRBYFLOAT: parsing, rounding and Redis's human formatting. */
class LongDoubleTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
        "0.1, 0.1",
        "1e0, 1",
        "-2.50, -2.5",
        "0x.8p1, 1",
        "0x10, 16",
        "1e-18, 0",
        "6e-18, 0.00000000000000001",
        "5e-18, 0",
        "1.5e-17, 0.00000000000000002",
        "2.5e-17, 0.00000000000000002",
        "-0.0, 0",
        "18446744073709551615, 18446744073709551615",
        "18446744073709551617, 18446744073709551616",
        "0.30000000000000000001, 0.3"
    })
    void parsesAndPrintsAsRedis(String text, String printed) {
        assertEquals(printed, parse(text).toHumanString());
    }

    @ParameterizedTest(name = "ceil({0}) = {1}")
    @CsvSource({
        "0, 0",
        "0.0001, 1",
        "1.5, 2",
        "2, 2",
        "2.000000001, 3",
        "-1.5, -1",
        "-0.0001, 0",
        "inf, -9223372036854775808",
        "1e300, -9223372036854775808"
    })
    void ceilToLongRoundsUpAsCeillThenCast(String text, long expected) {
        assertEquals(expected, parse(text).ceilToLong());
    }

    @Test
    void roundsTiesToEvenAtSixtyFourBits() {
        // 2^64 + 1 lies halfway between 2^64 and 2^64 + 2 (the spacing at 2^64 is 2): rounds to the even 2^64.
        assertEquals("18446744073709551616", parse("18446744073709551617").toHumanString());
        // 2^64 + 3 lies halfway between 2^64 + 2 and 2^64 + 4: rounds to 2^64 + 4, whose significand is even.
        assertEquals("18446744073709551620", parse("18446744073709551619").toHumanString());
    }

    @Test
    void additionIsRoundedOnce() {
        LongDouble sum = parse("10.5").plus(parse("0.1"));
        assertEquals("10.6", sum.toHumanString());
        assertEquals(
                "10.59999999999999964",
                new BigDecimal(10.5 + 0.1).setScale(17, RoundingMode.HALF_EVEN).toPlainString(),
                "a double would print this");
        assertEquals("0", parse("1e-30").plus(parse("-1e-30")).toHumanString());
        assertEquals(
                "-1",
                LongDouble.of(Long.MIN_VALUE)
                        .plus(LongDouble.of(Long.MAX_VALUE))
                        .toHumanString());
    }

    @Test
    void subnormalsParseButUnderflowToZeroIsRejected() {
        assertTrue(LongDouble.parse(bytes("4e-4951")).isPresent());
        assertFalse(LongDouble.parse(bytes("1e-4952")).isPresent());
        assertTrue(LongDouble.parse(bytes("0e-99999999")).isPresent(), "an exact zero is no underflow");
    }

    @Test
    void overflowIsRejectedButTheLargestFiniteValueIsNot() {
        assertTrue(LongDouble.parse(bytes("1.18973149535723176502e+4932")).isPresent());
        assertFalse(LongDouble.parse(bytes("1.18973149535723176509e+4932")).isPresent());
        assertFalse(LongDouble.parse(bytes("1e99999999999")).isPresent());
        LongDouble largest = parse("1.18973149535723176502e+4932");
        assertTrue(largest.plus(largest).isInfinite());
    }

    @Test
    void infinitiesAreValuesThatAdditionKeeps() {
        assertTrue(parse("-Infinity").isInfinite());
        assertTrue(parse("1").plus(parse("inf")).isInfinite());
        assertEquals("-inf", parse("-inf").toHumanString());
    }

    @Test
    void textEndsAtANulByteAndMayNotBeTooLong() {
        assertEquals("12", parse("12\u0000junk").toHumanString());
        assertEquals("0", parse("\u0000").toHumanString());
        assertEquals("1", parse("0".repeat(5118) + "1").toHumanString(), "5119 characters are read");
        assertFalse(LongDouble.parse(bytes("0".repeat(5119) + "1")).isPresent(), "5120 are too many");
    }

    private static LongDouble parse(String text) {
        return LongDouble.parse(bytes(text)).orElseThrow(() -> new AssertionError("not a float: " + text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

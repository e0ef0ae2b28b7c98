package io.slotwise.sim.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** strtod/strtold syntax as Redis accepts it, and the x87 long double arithmetic of HINCRBYFLOAT and timeouts. */
class FloatSyntaxTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "1.5, 1.5",
        "-2, -2.0",
        "+3, 3.0",
        "1., 1.0",
        ".5, 0.5",
        "1e3, 1000.0",
        "1E-2, 0.01",
        "0x10, 16.0",
        "0x1.8p1, 3.0",
        "0X.8, 0.5",
        "inf, Infinity",
        "-Infinity, -Infinity",
        "+INF, Infinity",
        "4.9e-324, 4.9e-324",
        "-0, -0.0",
        "0e-999999, 0.0"
    })
    void doublesParseLikeStrtod(String text, double expected) {
        OptionalDouble parsed = FloatSyntax.parseDouble(bytes(text));
        assertTrue(parsed.isPresent(), text);
        assertEquals(expected, parsed.getAsDouble(), text);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "",
                " 1",
                "1 ",
                "1e",
                "1e+",
                ".",
                "+",
                "0x",
                "nan",
                "NaN",
                "abc",
                "1,5",
                "1e400",
                "1e-400",
                "infinit",
                "1e99999999999",
                "--1"
            })
    void malformedOrOutOfRangeDoublesAreRejected(String text) {
        assertTrue(FloatSyntax.parseDouble(bytes(text)).isEmpty(), text);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "10.5, 0.1, 10.6",
        "0.1, 0.2, 0.3",
        "1e-20, 0, 0",
        "1.23456789012345678, 0, 1.23456789012345678",
        "-5, 4.999999999999999999, 0",
        "2.5, -0.25, 2.25",
        "1e18, 0.5, 1000000000000000000.5"
    })
    void longDoubleSumsKeepSixtyFourBitsOfPrecision(String left, String right, String expected) {
        LongDouble sum = LongDouble.parse(bytes(left))
                .orElseThrow()
                .plus(LongDouble.parse(bytes(right)).orElseThrow());
        assertEquals(expected, sum.toHumanString());
    }

    /**
     * 0.001 and 0.002 round to long doubles just below them, so a thousand times them, rounded again, truncates to one
     * millisecond less: 0.001 s means for ever on x86-64 Redis.
     */
    @ParameterizedTest(name = "{0} s = {1} ms")
    @CsvSource({
        "0.001, 0",
        "0.002, 1",
        "0.003, 3",
        "0.1, 100",
        "1.5, 1500",
        "0.0005, 0",
        "-0.0001, 0",
        "-0.5, -500",
        "1e30, " + Long.MIN_VALUE,
        "inf, " + Long.MIN_VALUE
    })
    void timeoutsConvertToMillisecondsAsOnX86(String seconds, long millis) {
        assertEquals(
                millis,
                LongDouble.parse(bytes(seconds)).orElseThrow().times(1000).truncateToLong());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"nan", "1e5000", "1e-5000", " 2", ""})
    void longDoublesRejectWhatString2ldRejects(String text) {
        assertTrue(LongDouble.parse(bytes(text)).isEmpty(), text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

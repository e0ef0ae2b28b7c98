package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeBoundsTest {

    @ParameterizedTest(name = "{0} -> {1} exclusive={2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.5        | 1.5       | false",
                "(1.5       | 1.5       | true",
                "-inf       | -Infinity | false",
                "+inf       | Infinity  | false",
                "(inf       | Infinity  | true",
                "-INFINITY  | -Infinity | false",
                "1e3        | 1000      | false",
                "-.5        | -0.5      | false",
                "' 7'       | 7         | false",
                "(          | 0         | true",
                "''         | 0         | false",
                "0x10       | 16        | false",
                "(0x1p3     | 8         | true",
                "-0X.8      | -0.5      | false",
                "0x1.8P1    | 3         | false",
                "' 0xA'     | 10        | false",
                "0x1p99999  | Infinity  | false",
                "1e400      | Infinity  | false",
                "-1e-400    | -0.0      | false",
            })
    void scoreBoundsParseLikeRedis(String text, double value, boolean exclusive) {
        assertEquals(new ScoreBound(value, exclusive), ScoreBound.parse(utf8(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5x", "nan", "(nan", "1d", "0x", "0x1p", "0xg", "0x1.8p3 ", "((1", "1 ", " "})
    void malformedScoreBoundsAreRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> ScoreBound.parse(utf8(text)));
    }

    @Test
    void scoreBoundsAdmitScoresAccordingToExclusivity() {
        ScoreBound inclusive = new ScoreBound(2, false);
        ScoreBound exclusive = new ScoreBound(2, true);
        assertEquals(true, inclusive.admitsFromBelow(2));
        assertEquals(false, exclusive.admitsFromBelow(2));
        assertEquals(true, exclusive.admitsFromAbove(1.5));
        assertEquals(false, exclusive.admitsFromAbove(2));
    }

    @Test
    void lexBoundsParseAllFourForms() {
        assertEquals(LexBound.MIN, LexBound.parse(utf8("-")));
        assertEquals(LexBound.MAX, LexBound.parse(utf8("+")));
        assertEquals(LexBound.inclusive(Bytes.of("abc")), LexBound.parse(utf8("[abc")));
        assertEquals(LexBound.exclusive(Bytes.of("")), LexBound.parse(utf8("(")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "+x", "-x", "{a"})
    void malformedLexBoundsAreRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> LexBound.parse(utf8(text)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

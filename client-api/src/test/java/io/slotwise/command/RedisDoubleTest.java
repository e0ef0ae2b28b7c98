package io.slotwise.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisDoubleTest {

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5",
        "3.0, 3",
        "-0.25, -0.25",
        "0.0, 0",
        "1e20, 100000000000000000000",
        "1.5e-7, 0.00000015",
        "0.1, 0.1",
        "Infinity, +inf",
        "-Infinity, -inf"
    })
    void numbersAreWrittenAsPlainDecimalsThatReadBackExactly(double value, String expected) {
        assertEquals(expected, RedisDouble.format(value));
        assertEquals(value, RedisDouble.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"inf, Infinity", "+inf, Infinity", "-inf, -Infinity", "nan, NaN", "3.25, 3.25", "-17, -17"})
    void repliesInRedisNotationAreParsed(String text, double expected) {
        assertEquals(expected, RedisDouble.parse(text));
    }

    @Test
    void nanIsRejectedAsAnArgument() {
        assertThrows(IllegalArgumentException.class, () -> RedisDouble.format(Double.NaN));
    }
}

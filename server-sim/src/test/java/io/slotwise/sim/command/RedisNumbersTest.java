package io.slotwise.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisNumbersTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("0", 0L),
                Arguments.of("7", 7L),
                Arguments.of("-42", -42L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesStrictDecimalIntegers(String text, long expected) {
        assertEquals(OptionalLong.of(expected), RedisNumbers.parseLong(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(
            strings = {
                "",
                "-",
                "+1",
                "01",
                "-0",
                " 1",
                "1 ",
                "1.0",
                "x",
                "9223372036854775808",
                "-9223372036854775809",
                "99999999999999999999"
            })
    void rejectsWhatRedisRejects(String text) {
        assertEquals(OptionalLong.empty(), RedisNumbers.parseLong(text.getBytes(StandardCharsets.US_ASCII)));
    }
}

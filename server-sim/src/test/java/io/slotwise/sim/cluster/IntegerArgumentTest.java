package io.slotwise.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntegerArgumentTest {

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("0", OptionalLong.of(0)),
                Arguments.of("16383", OptionalLong.of(16383)),
                Arguments.of("-1", OptionalLong.of(-1)),
                Arguments.of("9223372036854775807", OptionalLong.of(Long.MAX_VALUE)),
                Arguments.of("-9223372036854775808", OptionalLong.of(Long.MIN_VALUE)),
                Arguments.of("9223372036854775808", OptionalLong.empty()),
                Arguments.of("-9223372036854775809", OptionalLong.empty()),
                Arguments.of("", OptionalLong.empty()),
                Arguments.of("-", OptionalLong.empty()),
                Arguments.of("-0", OptionalLong.empty()),
                Arguments.of("007", OptionalLong.empty()),
                Arguments.of("+7", OptionalLong.empty()),
                Arguments.of(" 7", OptionalLong.empty()),
                Arguments.of("7 ", OptionalLong.empty()),
                Arguments.of("1e3", OptionalLong.empty()),
                Arguments.of("٣", OptionalLong.empty()));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @MethodSource("inputs")
    void parsesLikeRedisString2ll(String text, OptionalLong expected) {
        assertEquals(expected, IntegerArgument.tryParse(text));
    }

    @Test
    void malformedIntegerFailsWithRedisText() {
        assertEquals(
                "ERR value is not an integer or out of range",
                assertThrows(ClusterCommandException.class, () -> IntegerArgument.parse("x"))
                        .errorText());
    }
}

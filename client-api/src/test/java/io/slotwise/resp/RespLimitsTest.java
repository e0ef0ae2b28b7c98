package io.slotwise.resp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RespLimitsTest {

    @Test
    void defaultsMatchRedisAndTheDocumentedValues() {
        RespLimits defaults = RespLimits.defaults();
        assertEquals(512 * 1024 * 1024, defaults.maxBulkLength());
        assertEquals(Integer.MAX_VALUE, defaults.maxAggregateLength());
        assertEquals(128, defaults.maxNestingDepth());
        assertEquals(64 * 1024, defaults.maxLineLength());
        assertEquals(defaults, RespLimits.builder().build());
    }

    @Test
    void builderSetsEveryLimitAndToBuilderKeepsThem() {
        RespLimits limits = RespLimits.builder()
                .maxBulkLength(0)
                .maxAggregateLength(0)
                .maxNestingDepth(1)
                .maxLineLength(RespLimits.MIN_LINE_LENGTH)
                .build();
        assertEquals(0, limits.maxBulkLength());
        assertEquals(0, limits.maxAggregateLength());
        assertEquals(1, limits.maxNestingDepth());
        assertEquals(32, limits.maxLineLength());
        assertEquals(limits, limits.toBuilder().build());
        assertEquals(limits.hashCode(), limits.toBuilder().build().hashCode());
        assertNotEquals(limits, limits.toBuilder().maxNestingDepth(2).build());
        assertEquals(
                "RespLimits[maxBulkLength=0, maxAggregateLength=0, maxNestingDepth=1, maxLineLength=32]",
                limits.toString());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of(
                        (Consumer<RespLimits.Builder>) b -> b.maxBulkLength(-1),
                        "maxBulkLength must be in [0, 2147483639] but was -1"),
                Arguments.of(
                        (Consumer<RespLimits.Builder>) b -> b.maxBulkLength(Integer.MAX_VALUE),
                        "maxBulkLength must be in [0, 2147483639] but was 2147483647"),
                Arguments.of(
                        (Consumer<RespLimits.Builder>) b -> b.maxAggregateLength(-1),
                        "maxAggregateLength must be in [0, 2147483647] but was -1"),
                Arguments.of(
                        (Consumer<RespLimits.Builder>) b -> b.maxNestingDepth(0),
                        "maxNestingDepth must be in [1, 2147483647] but was 0"),
                Arguments.of(
                        (Consumer<RespLimits.Builder>) b -> b.maxLineLength(31),
                        "maxLineLength must be in [32, 2147483639] but was 31"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidSettings")
    void invalidSettingIsRejectedWithItsNameAndRange(Consumer<RespLimits.Builder> setting, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> setting.accept(RespLimits.builder()));
        assertEquals(message, e.getMessage());
    }
}

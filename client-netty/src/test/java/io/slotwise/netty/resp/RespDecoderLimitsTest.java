package io.slotwise.netty.resp;

import static io.slotwise.netty.resp.ReplyTable.array;
import static io.slotwise.netty.resp.ReplyTable.bulk;
import static io.slotwise.netty.resp.ReplyTable.integer;
import static io.slotwise.netty.resp.ReplyTable.map;
import static io.slotwise.netty.resp.ReplyTable.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.slotwise.netty.testing.LeakCheckExtension;
import io.slotwise.resp.RespLimits;
import io.slotwise.resp.RespValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(LeakCheckExtension.class)
class RespDecoderLimitsTest {

    private static final RespLimits SMALL = RespLimits.builder()
            .maxBulkLength(10)
            .maxAggregateLength(3)
            .maxNestingDepth(2)
            .maxLineLength(32)
            .build();

    private static final RespLimits DEFAULTS = RespLimits.defaults();

    static Stream<Arguments> inputsBeyondALimit() {
        return Stream.of(
                Arguments.of(SMALL, "$11\r\n", "Bulk length 11 exceeds limit 10"),
                Arguments.of(DEFAULTS, "$600000000\r\n", "Bulk length 600000000 exceeds limit 536870912"),
                Arguments.of(SMALL, "!11\r\n", "Blob error length 11 exceeds limit 10"),
                Arguments.of(SMALL, "=11\r\n", "Verbatim string length 11 exceeds limit 10"),
                Arguments.of(SMALL, "*4\r\n", "Array length 4 exceeds limit 3"),
                Arguments.of(SMALL, "%4\r\n", "Map length 4 exceeds limit 3"),
                Arguments.of(SMALL, "~4\r\n", "Set length 4 exceeds limit 3"),
                Arguments.of(SMALL, ">4\r\n", "Push length 4 exceeds limit 3"),
                Arguments.of(SMALL, "|4\r\n", "Attribute length 4 exceeds limit 3"),
                Arguments.of(SMALL, "*1\r\n*1\r\n*1\r\n:1\r\n", "Nesting depth 3 exceeds limit 2, at array"),
                Arguments.of(SMALL, "*1\r\n*1\r\n*0\r\n", "Nesting depth 3 exceeds limit 2, at array"),
                Arguments.of(SMALL, "%1\r\n*1\r\n~1\r\n", "Nesting depth 3 exceeds limit 2, at set"),
                Arguments.of(SMALL, "*1\r\n*1\r\n|0\r\n", "Nesting depth 3 exceeds limit 2, at attribute"),
                Arguments.of(DEFAULTS, "*1\r\n".repeat(129), "Nesting depth 129 exceeds limit 128, at array"),
                Arguments.of(SMALL, "+" + "a".repeat(33), "Line length exceeds limit 32"),
                Arguments.of(SMALL, "+" + "a".repeat(33) + "\r\n", "Line length exceeds limit 32"),
                Arguments.of(SMALL, "$" + "1".repeat(33), "Line length exceeds limit 32"),
                Arguments.of(SMALL, "-" + "e".repeat(40) + "\n", "Line length exceeds limit 32"),
                Arguments.of(DEFAULTS, "+" + "x".repeat(65_537), "Line length exceeds limit 65536"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("inputsBeyondALimit")
    void inputBeyondALimitFailsWithProtocolErrorNamingIt(RespLimits limits, String wire, String message) {
        DecoderHarness harness = new DecoderHarness(limits);
        harness.feed(latin1(wire)).feed(latin1("+OK\r\n"));
        harness.close();
        harness.assertProtocolFailure(List.of(), message);
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("inputsBeyondALimit")
    void inputBeyondALimitFedOneByteAtATimeFailsAsSoonAsTheLimitIsPassed(
            RespLimits limits, String wire, String message) {
        // The wires above end where the limit is passed: the error must not wait for more input. Long wires get
        // their head in one buffer, to keep the test quick.
        byte[] bytes = latin1(wire);
        int head = Math.max(0, bytes.length - 100);
        DecoderHarness harness = new DecoderHarness(limits);
        harness.feed(Arrays.copyOfRange(bytes, 0, head))
                .feedOneByteAtATime(Arrays.copyOfRange(bytes, head, bytes.length));
        harness.close();
        harness.assertProtocolFailure(List.of(), message);
    }

    static Stream<Arguments> inputsAtTheLimits() {
        return Stream.of(
                Arguments.of("$10\r\n0123456789\r\n", bulk("0123456789")),
                Arguments.of("*3\r\n:1\r\n:2\r\n:3\r\n", array(integer(1), integer(2), integer(3))),
                Arguments.of(
                        "%3\r\n:1\r\n:1\r\n:2\r\n:2\r\n:3\r\n:3\r\n",
                        map(integer(1), integer(1), integer(2), integer(2), integer(3), integer(3))),
                Arguments.of("*1\r\n*1\r\n:1\r\n", array(array(integer(1)))),
                Arguments.of(
                        "*1\r\n|1\r\n+k\r\n+v\r\n:1\r\n",
                        array(ReplyTable.attributed(map(simple("k"), simple("v")), integer(1)))),
                Arguments.of("+" + "a".repeat(32) + "\r\n", simple("a".repeat(32))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputsAtTheLimits")
    void inputExactlyAtTheLimitsDecodes(String wire, RespValue expected) {
        DecoderHarness harness = new DecoderHarness(SMALL);
        harness.feedOneByteAtATime(latin1(wire));
        harness.close();
        assertEquals(List.of(), harness.exceptions());
        assertEquals(List.of(expected), harness.values());
        assertFalse(harness.closeRequested());
    }

    private static byte[] latin1(String wire) {
        return wire.getBytes(StandardCharsets.ISO_8859_1);
    }
}

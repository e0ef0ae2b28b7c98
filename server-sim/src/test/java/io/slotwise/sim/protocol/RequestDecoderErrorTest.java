package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static io.slotwise.sim.protocol.DecoderHarness.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed input: Redis's exact error text, earlier requests kept, everything after dropped. */
class RequestDecoderErrorTest {
    private static final String BEFORE = "*1\r\n$4\r\nPING\r\nPING\r\n";
    private static final String AFTER = "\r\nPING\r\n*1\r\n$4\r\nPING\r\n";

    private static final String INVALID_MULTIBULK = "ERR Protocol error: invalid multibulk length";
    private static final String INVALID_BULK = "ERR Protocol error: invalid bulk length";
    private static final String UNBALANCED = "ERR Protocol error: unbalanced quotes in request";

    static Stream<Arguments> malformedInputs() {
        String overLimit = "1".repeat(ProtocolLimits.MAX_INLINE_SIZE);
        List<Arguments> cases = List.of(
                Arguments.of("*x\r\n", INVALID_MULTIBULK),
                Arguments.of("*2147483648\r\n", INVALID_MULTIBULK),
                Arguments.of("*99999999999999999999\r\n", INVALID_MULTIBULK),
                Arguments.of("*+1\r\n", INVALID_MULTIBULK),
                Arguments.of("*01\r\n", INVALID_MULTIBULK),
                Arguments.of("*-0\r\n", INVALID_MULTIBULK),
                Arguments.of("*\r\n", INVALID_MULTIBULK),
                Arguments.of("* 1\r\n", INVALID_MULTIBULK),
                Arguments.of("*1 \r\n", INVALID_MULTIBULK),
                Arguments.of("*1\n$4\r\nPING\r\n", INVALID_MULTIBULK),
                Arguments.of("*1\r\n:1\r\n", "ERR Protocol error: expected '$', got ':'"),
                Arguments.of("*2\r\n$4\r\nECHO\r\n4\r\nabcd\r\n", "ERR Protocol error: expected '$', got '4'"),
                Arguments.of("*1\r\n\r\n", "ERR Protocol error: expected '$', got ' '"),
                Arguments.of("*1\r\n\n\r\n", "ERR Protocol error: expected '$', got ' '"),
                Arguments.of("*1\r\n\u00ff\r\n", "ERR Protocol error: expected '$', got '\u00ff'"),
                Arguments.of("*1\r\n$-1\r\n", INVALID_BULK),
                Arguments.of("*1\r\n$x\r\n", INVALID_BULK),
                Arguments.of("*1\r\n$\r\n", INVALID_BULK),
                Arguments.of("*1\r\n$+3\r\nabc\r\n", INVALID_BULK),
                Arguments.of("*1\r\n$03\r\nabc\r\n", INVALID_BULK),
                Arguments.of("*1\r\n$2147483648\r\n", INVALID_BULK),
                Arguments.of("*1\r\n$600000000\r\n", INVALID_BULK),
                Arguments.of("*1\r\n$536870913\r\n", INVALID_BULK),
                Arguments.of("*1\r\n$9223372036854775808\r\n", INVALID_BULK),
                Arguments.of("*" + overLimit, "ERR Protocol error: too big mbulk count string"),
                Arguments.of("*1\r\n$" + overLimit, "ERR Protocol error: too big bulk count string"),
                Arguments.of("G" + overLimit, "ERR Protocol error: too big inline request"),
                Arguments.of("GET " + overLimit + "\n", "ERR Protocol error: too big inline request"),
                Arguments.of("SET \"a b", UNBALANCED),
                Arguments.of("SET 'a b", UNBALANCED),
                Arguments.of("SET \"a\"b", UNBALANCED),
                Arguments.of("SET 'a'b", UNBALANCED),
                Arguments.of("ECHO \"abc\\\"", UNBALANCED));
        List<Arguments> all = new ArrayList<>();
        for (Arguments c : cases) {
            for (Fragmentation fragmentation : Fragmentation.all()) {
                all.add(Arguments.of(c.get()[0], c.get()[1], fragmentation));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}] {1}, {2}")
    @MethodSource("malformedInputs")
    void malformedInputFailsWithRedisErrorAfterEarlierRequestsAndDropsTheRest(
            String malformed, String expectedError, Fragmentation fragmentation) {
        List<Object> decoded = DecoderHarness.decode(bytes(BEFORE + malformed + AFTER), fragmentation);
        assertEquals(3, decoded.size(), decoded::toString);
        assertEquals(request("PING"), decoded.get(0));
        assertEquals(request("PING"), decoded.get(1));
        ProtocolError error = assertInstanceOf(ProtocolError.class, decoded.get(2));
        assertArrayEquals(bytes(expectedError), error.reply().bytes(), error::message);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "11 args, authentication required | true | ERR Protocol error: unauthenticated multibulk length",
                "11 args, authenticated | false | ",
            })
    void unauthenticatedClientMaySendAtMostTenArguments(String description, boolean authRequired, String error) {
        StringBuilder input = new StringBuilder("*11\r\n");
        for (int i = 0; i < 11; i++) {
            input.append("$1\r\nk\r\n");
        }
        assertSingleOutcome(input.toString(), () -> authRequired, error, 11);
    }

    @Test
    void unauthenticatedClientMaySendTenArguments() {
        assertSingleOutcome("*10\r\n" + "$1\r\nk\r\n".repeat(10), () -> true, null, 10);
    }

    @Test
    void unauthenticatedClientMaySendBulksOfAtMost16KiB() {
        String fits = "*2\r\n$4\r\nAUTH\r\n$16384\r\n" + "p".repeat(16384) + "\r\n";
        assertSingleOutcome(fits, () -> true, null, 2);
        String over = "*2\r\n$4\r\nAUTH\r\n$16385\r\n" + "p".repeat(16385) + "\r\n";
        assertSingleOutcome(over, () -> true, "ERR Protocol error: unauthenticated bulk length", 0);
        assertSingleOutcome(over, () -> false, null, 2);
    }

    @Test
    void bulkOverProtoMaxBulkLenIsInvalidBeforeItIsUnauthenticated() {
        assertSingleOutcome("*1\r\n$600000000\r\n", () -> true, INVALID_BULK, 0);
    }

    @Test
    void protoMaxBulkLenIsReadFromTheSettingEachTime() {
        long[] limit = {100};
        RequestDecoder decoder = new RequestDecoder(() -> limit[0], () -> false);
        try (DecoderHarness harness = new DecoderHarness(decoder)) {
            harness.feed(bytes("*1\r\n$100\r\n" + "v".repeat(100) + "\r\n"));
            assertEquals(1, harness.drain().size());
            limit[0] = 99;
            harness.feed(bytes("*1\r\n$100\r\n"));
            ProtocolError error =
                    assertInstanceOf(ProtocolError.class, harness.drain().get(0));
            assertEquals(INVALID_BULK, error.message());
        }
    }

    @Test
    void bulkLengthIsCappedAtWhatAJavaArrayHolds() {
        RequestDecoder decoder = new RequestDecoder(() -> Long.MAX_VALUE, () -> false);
        try (DecoderHarness harness = new DecoderHarness(decoder)) {
            harness.feed(bytes("*1\r\n$" + ProtocolLimits.MAX_STORABLE_BULK_LENGTH + "\r\nabc"));
            assertEquals(List.of(), harness.drain());
        }
        decoder = new RequestDecoder(() -> Long.MAX_VALUE, () -> false);
        try (DecoderHarness harness = new DecoderHarness(decoder)) {
            harness.feed(bytes("*1\r\n$" + (ProtocolLimits.MAX_STORABLE_BULK_LENGTH + 1) + "\r\n"));
            ProtocolError error =
                    assertInstanceOf(ProtocolError.class, harness.drain().get(0));
            assertEquals(INVALID_BULK, error.message());
        }
    }

    @Test
    void bulkOfExactlyTheDefaultLimitIsAcceptedAndAwaited() {
        try (DecoderHarness harness = new DecoderHarness()) {
            harness.feed(bytes("*1\r\n$" + ProtocolLimits.DEFAULT_PROTO_MAX_BULK_LEN + "\r\nabc"));
            assertEquals(List.of(), harness.drain());
        }
    }

    @Test
    void largestMultibulkCountIsAcceptedAndAwaited() {
        try (DecoderHarness harness = new DecoderHarness()) {
            harness.feed(bytes("*2147483647\r\n$3\r\nDEL\r\n$1\r\nk\r\n"));
            assertEquals(List.of(), harness.drain());
        }
    }

    static Stream<Arguments> linesWithNul() {
        return Stream.of(
                Arguments.of("*1", "ERR Protocol error: too big mbulk count string"),
                Arguments.of("*1\r\n$4", "ERR Protocol error: too big bulk count string"),
                Arguments.of("PING", "ERR Protocol error: too big inline request"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("linesWithNul")
    void nulBeforeTheLineEndHidesTheEndUntilTheLineIsTooBig(String start, String error) {
        try (DecoderHarness harness = new DecoderHarness()) {
            harness.feed(bytes(start + "\0\r\n*1\r\n$4\r\nPING\r\n"));
            assertEquals(List.of(), harness.drain());
            harness.feed(bytes("x".repeat(ProtocolLimits.MAX_INLINE_SIZE)));
            ProtocolError protocolError =
                    assertInstanceOf(ProtocolError.class, harness.drain().get(0));
            assertEquals(error, protocolError.message());
        }
    }

    @Test
    void bytesArrivingAfterAnErrorAreReleasedAndIgnored() {
        try (DecoderHarness harness = new DecoderHarness()) {
            harness.feed(bytes("*1\r\n$x\r\n"));
            assertInstanceOf(ProtocolError.class, harness.drain().get(0));
            for (int i = 0; i < 5; i++) {
                harness.feed(bytes("*1\r\n$4\r\nPING\r\nPING\r\n"));
            }
            assertEquals(List.of(), harness.drain());
        }
    }

    private static void assertSingleOutcome(String input, BooleanSupplier authRequired, String error, int argc) {
        RequestDecoder decoder = new RequestDecoder(() -> ProtocolLimits.DEFAULT_PROTO_MAX_BULK_LEN, authRequired);
        try (DecoderHarness harness = new DecoderHarness(decoder)) {
            List<Object> decoded = harness.feed(bytes(input), Fragmentation.random(5));
            assertEquals(1, decoded.size(), decoded::toString);
            if (error == null) {
                assertEquals(
                        argc, assertInstanceOf(Request.class, decoded.get(0)).argc());
            } else {
                assertEquals(
                        error,
                        assertInstanceOf(ProtocolError.class, decoded.get(0)).message());
            }
        }
    }
}

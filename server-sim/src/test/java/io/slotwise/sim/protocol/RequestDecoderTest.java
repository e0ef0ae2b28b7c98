package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static io.slotwise.sim.protocol.DecoderHarness.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Well-formed input: what requests come out, whatever the fragmentation. */
class RequestDecoderTest {

    static Stream<Arguments> wellFormedInputs() {
        List<Arguments> cases = List.of(
                Arguments.of(
                        "multibulk",
                        "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nvalue\r\n",
                        List.of(request("SET", "k", "value"))),
                Arguments.of("empty bulk", "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n", List.of(request("ECHO", ""))),
                Arguments.of(
                        "bulk holding CR LF * $ and NUL",
                        "*2\r\n$4\r\nECHO\r\n$7\r\n\r\n*$\0\r\n\r\n",
                        List.of(request("ECHO", "\r\n*$\0\r\n"))),
                Arguments.of(
                        "pipelined multibulk",
                        "*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\na\r\n*1\r\n$4\r\nPING\r\n",
                        List.of(request("PING"), request("GET", "a"), request("PING"))),
                Arguments.of("inline with CRLF", "SET k v\r\n", List.of(request("SET", "k", "v"))),
                Arguments.of("inline with LF only", "GET k\n", List.of(request("GET", "k"))),
                Arguments.of("inline with quoting", "set \"a b\" 'c\\'d'\r\n", List.of(request("set", "a b", "c'd"))),
                Arguments.of("inline hex escape", "ECHO \"\\x41\\x42\"\r\n", List.of(request("ECHO", "AB"))),
                Arguments.of(
                        "inline and multibulk mixed",
                        "PING\r\n*2\r\n$4\r\nECHO\r\n$1\r\nx\r\nECHO y\n",
                        List.of(request("PING"), request("ECHO", "x"), request("ECHO", "y"))),
                Arguments.of("blank inline lines are ignored", "\r\n\n   \t \r\nPING\r\n", List.of(request("PING"))),
                Arguments.of(
                        "zero and negative counts are ignored",
                        "*0\r\n*-1\r\n*-42\r\n*1\r\n$4\r\nPING\r\n",
                        List.of(request("PING"))),
                Arguments.of("inline line may start with blanks and a star later", " *1\r\n", List.of(request("*1"))),
                Arguments.of(
                        "byte after a line's CR is not checked, as in Redis",
                        "*1\rX$4\r?PING!!",
                        List.of(request("PING"))),
                Arguments.of(
                        "binary inline bytes",
                        "ECHO \u00ff\u0080\r\n",
                        List.of(Request.of(List.of(bytes("ECHO"), bytes("\u00ff\u0080"))))));
        List<Arguments> all = new ArrayList<>();
        for (Arguments c : cases) {
            for (Fragmentation fragmentation : Fragmentation.all()) {
                Object[] a = c.get();
                all.add(Arguments.of(a[0], fragmentation, a[1], a[2]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("wellFormedInputs")
    void wellFormedInputDecodesToTheSameRequestsWhateverTheFragmentation(
            String description, Fragmentation fragmentation, String input, List<Request> expected) {
        assertEquals(expected, DecoderHarness.decode(bytes(input), fragmentation));
    }

    @Test
    void incompleteRequestEmitsNothingUntilItsLastByteArrives() {
        byte[] input = bytes("*2\r\n$4\r\nECHO\r\n$3\r\nabc\r\n");
        try (DecoderHarness harness = new DecoderHarness()) {
            for (int i = 0; i < input.length - 1; i++) {
                harness.feed(new byte[] {input[i]});
                assertEquals(List.of(), harness.drain(), "emitted after " + (i + 1) + " bytes");
            }
            harness.feed(new byte[] {input[input.length - 1]});
            assertEquals(List.of(request("ECHO", "abc")), harness.drain());
        }
    }

    @Test
    void inlineLineOfExactly64KiBIsAccepted() {
        String key = "k".repeat(ProtocolLimits.MAX_INLINE_SIZE - "GET ".length());
        for (Fragmentation fragmentation : List.of(Fragmentation.WHOLE, Fragmentation.random(7))) {
            assertEquals(
                    List.of(request("GET", key)), DecoderHarness.decode(bytes("GET " + key + "\n"), fragmentation));
        }
    }

    @Test
    void manyArgumentsDecodeIntoOneRequest() {
        int count = 100_000;
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(bytes("*" + (count + 1) + "\r\n$3\r\nDEL\r\n"));
        for (int i = 0; i < count; i++) {
            String key = Integer.toString(i);
            input.writeBytes(bytes("$" + key.length() + "\r\n" + key + "\r\n"));
        }
        List<Object> decoded = DecoderHarness.decode(input.toByteArray(), Fragmentation.random(3));
        assertEquals(1, decoded.size());
        Request request = (Request) decoded.get(0);
        assertEquals(count + 1, request.argc());
        assertEquals("99999", request.argString(count));
    }

    @Test
    void largeBulkArrivingInFragmentsKeepsEveryByte() {
        byte[] value = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i * 31 + (i >>> 8));
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(bytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + value.length + "\r\n"));
        input.writeBytes(value);
        input.writeBytes(bytes("\r\n*1\r\n$4\r\nPING\r\n"));
        try (DecoderHarness harness = new DecoderHarness()) {
            byte[] all = input.toByteArray();
            for (int at = 0; at < all.length; at += 8191) {
                harness.feed(Arrays.copyOfRange(all, at, Math.min(all.length, at + 8191)));
            }
            List<Object> decoded = harness.drain();
            assertEquals(2, decoded.size());
            assertArrayEquals(value, ((Request) decoded.get(0)).arg(2));
            assertEquals(request("PING"), decoded.get(1));
        }
    }

    @Test
    void authenticationStateIsReadAfterTheEarlierRequestWasHandled() {
        AtomicBoolean authRequired = new AtomicBoolean(true);
        RequestDecoder decoder = new RequestDecoder(() -> ProtocolLimits.DEFAULT_PROTO_MAX_BULK_LEN, authRequired::get);
        try (DecoderHarness harness = new DecoderHarness(decoder)) {
            harness.channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof Request request && request.commandName().equals("auth")) {
                        authRequired.set(false);
                    }
                    ctx.fireChannelRead(msg);
                }
            });
            StringBuilder input = new StringBuilder("AUTH secret\r\n*12\r\n");
            for (int i = 0; i < 12; i++) {
                input.append("$1\r\nx\r\n");
            }
            harness.feed(bytes(input.toString()));
            List<Object> decoded = harness.drain();
            assertEquals(2, decoded.size(), decoded::toString);
            assertEquals(12, ((Request) decoded.get(1)).argc());
        }
    }

    @Test
    void discardRemainingInputDropsRequestsPipelinedBehind() {
        try (DecoderHarness harness = new DecoderHarness()) {
            harness.channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof Request request && request.commandName().equals("quit")) {
                        harness.decoder.discardRemainingInput();
                    }
                    ctx.fireChannelRead(msg);
                }
            });
            harness.feed(bytes("PING\r\nQUIT\r\nPING\r\n*1\r\n$4\r\nPI"));
            harness.feed(bytes("NG\r\n"));
            assertEquals(List.of(request("PING"), request("QUIT")), harness.drain());
        }
    }

    @Test
    void argumentsAreUtf8AgnosticBytes() {
        byte[] value = "é€".getBytes(StandardCharsets.UTF_8);
        byte[] input = bytes("*2\r\n$4\r\nECHO\r\n$" + value.length + "\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(input);
        all.writeBytes(value);
        all.writeBytes(bytes("\r\n"));
        List<Object> decoded = DecoderHarness.decode(all.toByteArray(), Fragmentation.BYTE_BY_BYTE);
        assertArrayEquals(value, ((Request) decoded.get(0)).arg(1));
    }
}

package io.slotwise.sim.protocol;

import static io.slotwise.sim.protocol.DecoderHarness.bytes;
import static io.slotwise.sim.protocol.Reply.array;
import static io.slotwise.sim.protocol.Reply.bulk;
import static io.slotwise.sim.protocol.Reply.entry;
import static io.slotwise.sim.protocol.Reply.integer;
import static io.slotwise.sim.protocol.Reply.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reply type written byte for byte in RESP2 and RESP3. */
class ReplyWriterTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("status", Reply.ok(), "+OK\r\n", "+OK\r\n"),
                Arguments.of(
                        "error", Reply.error("ERR syntax error"), "-ERR syntax error\r\n", "-ERR syntax error\r\n"),
                Arguments.of("integer", integer(-42), ":-42\r\n", ":-42\r\n"),
                Arguments.of(
                        "integer max", integer(Long.MAX_VALUE), ":9223372036854775807\r\n", ":9223372036854775807\r\n"),
                Arguments.of("bulk", bulk("hello"), "$5\r\nhello\r\n", "$5\r\nhello\r\n"),
                Arguments.of("empty bulk", bulk(""), "$0\r\n\r\n", "$0\r\n\r\n"),
                Arguments.of(
                        "binary bulk",
                        bulk(bytes("a\r\n\0\u00ff")),
                        "$5\r\na\r\n\0\u00ff\r\n",
                        "$5\r\na\r\n\0\u00ff\r\n"),
                Arguments.of("null bulk", Reply.nullBulk(), "$-1\r\n", "_\r\n"),
                Arguments.of("null array", Reply.nullArray(), "*-1\r\n", "_\r\n"),
                Arguments.of("empty array", array(), "*0\r\n", "*0\r\n"),
                Arguments.of(
                        "nested array",
                        array(integer(1), array(simple("a"), Reply.nullBulk())),
                        "*2\r\n:1\r\n*2\r\n+a\r\n$-1\r\n",
                        "*2\r\n:1\r\n*2\r\n+a\r\n_\r\n"),
                Arguments.of(
                        "map",
                        Reply.map(entry(bulk("a"), integer(1)), entry(bulk("b"), integer(2))),
                        "*4\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n:2\r\n",
                        "%2\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n:2\r\n"),
                Arguments.of("empty map", Reply.map(), "*0\r\n", "%0\r\n"),
                Arguments.of(
                        "map inside array",
                        array(Reply.map(entry(bulk("k"), Reply.set(bulk("v"))))),
                        "*1\r\n*2\r\n$1\r\nk\r\n*1\r\n$1\r\nv\r\n",
                        "*1\r\n%1\r\n$1\r\nk\r\n~1\r\n$1\r\nv\r\n"),
                Arguments.of(
                        "set",
                        Reply.set(bulk("x"), bulk("y")),
                        "*2\r\n$1\r\nx\r\n$1\r\ny\r\n",
                        "~2\r\n$1\r\nx\r\n$1\r\ny\r\n"),
                Arguments.of(
                        "double", Reply.doubleValue(3.14), "$18\r\n3.1400000000000001\r\n", ",3.1400000000000001\r\n"),
                Arguments.of("integral double", Reply.doubleValue(1.0), "$1\r\n1\r\n", ",1\r\n"),
                Arguments.of("large double", Reply.doubleValue(1e20), "$5\r\n1e+20\r\n", ",1e+20\r\n"),
                Arguments.of("infinity", Reply.doubleValue(Double.POSITIVE_INFINITY), "$3\r\ninf\r\n", ",inf\r\n"),
                Arguments.of(
                        "minus infinity", Reply.doubleValue(Double.NEGATIVE_INFINITY), "$4\r\n-inf\r\n", ",-inf\r\n"),
                Arguments.of("true", Reply.bool(true), ":1\r\n", "#t\r\n"),
                Arguments.of("false", Reply.bool(false), ":0\r\n", "#f\r\n"),
                Arguments.of(
                        "big number",
                        new Reply.BigNumber("-3492890328409238509324850943850943825024385"),
                        "$44\r\n-3492890328409238509324850943850943825024385\r\n",
                        "(-3492890328409238509324850943850943825024385\r\n"),
                Arguments.of(
                        "verbatim",
                        Reply.verbatimText("Some string"),
                        "$11\r\nSome string\r\n",
                        "=15\r\ntxt:Some string\r\n"),
                Arguments.of(
                        "verbatim markdown",
                        new Reply.Verbatim("mkd", bytes("# a\r\nb")),
                        "$6\r\n# a\r\nb\r\n",
                        "=10\r\nmkd:# a\r\nb\r\n"),
                Arguments.of(
                        "push",
                        Reply.push(bulk("message"), bulk("ch"), bulk("hi")),
                        "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n",
                        ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n"),
                Arguments.of(
                        "attribute",
                        new Reply.Attribute(List.of(entry(simple("key-popularity"), integer(7))), bulk("v")),
                        "$1\r\nv\r\n",
                        "|1\r\n+key-popularity\r\n:7\r\n$1\r\nv\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void replyIsWrittenExactlyAsRedisWritesIt(String description, Reply reply, String resp2, String resp3) {
        assertEquals(resp2, write(reply, RespVersion.RESP2));
        assertEquals(resp3, write(reply, RespVersion.RESP3));
    }

    private static String write(Reply reply, RespVersion version) {
        ByteBuf out = Unpooled.buffer();
        try {
            ReplyWriter.write(reply, version, out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } finally {
            out.release();
        }
    }
}

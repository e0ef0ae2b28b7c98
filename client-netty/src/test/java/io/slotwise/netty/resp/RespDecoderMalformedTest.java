package io.slotwise.netty.resp;

import static io.slotwise.netty.resp.ReplyTable.integer;
import static io.slotwise.netty.resp.ReplyTable.simple;

import io.slotwise.netty.testing.LeakCheckExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(LeakCheckExtension.class)
class RespDecoderMalformedTest {

    private static final byte[] VALID_REPLY = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Wire text (one char per byte) and the exact message the decoder must report. */
    static Stream<Arguments> malformedInputs() {
        return Stream.of(
                Arguments.of("?x\r\n", "Unexpected type byte '?' (0x3f)"),
                Arguments.of("\u0000", "Unexpected type byte 0x00"),
                Arguments.of("$abc\r\n", "Invalid bulk length \"abc\""),
                Arguments.of("$\r\n", "Invalid bulk length \"\""),
                Arguments.of("$1\u0000\r\n", "Invalid bulk length \"1\\x00\""),
                Arguments.of("$99999999999999999999\r\n", "Invalid bulk length \"99999999999999999999\""),
                Arguments.of("$-5\r\n", "Invalid bulk length -5"),
                Arguments.of("$-1x\r\n", "Invalid bulk length \"-1x\""),
                Arguments.of("*-2\r\n", "Invalid array length -2"),
                Arguments.of("*x\r\n", "Invalid array length \"x\""),
                Arguments.of("%-1\r\n", "Invalid map length -1"),
                Arguments.of("~-1\r\n", "Invalid set length -1"),
                Arguments.of(">-1\r\n", "Invalid push length -1"),
                Arguments.of("|-1\r\n", "Invalid attribute length -1"),
                Arguments.of("!-1\r\n", "Invalid blob error length -1"),
                Arguments.of("=-1\r\n", "Invalid verbatim string length -1"),
                Arguments.of("$3\r\nfooXY", "Missing CRLF after bulk payload of 3 bytes"),
                Arguments.of("$3\r\nfoo\n\r", "Missing CRLF after bulk payload of 3 bytes"),
                Arguments.of("$3\r\nfoo\r\r", "Missing CRLF after bulk payload of 3 bytes"),
                Arguments.of("$0\r\nX\r\n", "Missing CRLF after bulk payload of 0 bytes"),
                Arguments.of("$3\r\nfoobar\r\n", "Missing CRLF after bulk payload of 3 bytes"),
                Arguments.of("!2\r\nERR\r\n", "Missing CRLF after blob error payload of 2 bytes"),
                Arguments.of("#x\r\n", "Invalid boolean \"x\""),
                Arguments.of("#\r\n", "Invalid boolean \"\""),
                Arguments.of("#true\r\n", "Invalid boolean \"true\""),
                Arguments.of(",abc\r\n", "Invalid double \"abc\""),
                Arguments.of(",\r\n", "Invalid double \"\""),
                Arguments.of(",1.\r\n", "Invalid double \"1.\""),
                Arguments.of(",.5\r\n", "Invalid double \".5\""),
                Arguments.of(",1e\r\n", "Invalid double \"1e\""),
                Arguments.of(",0x10\r\n", "Invalid double \"0x10\""),
                Arguments.of(",1.0d\r\n", "Invalid double \"1.0d\""),
                Arguments.of(",Infinity\r\n", "Invalid double \"Infinity\""),
                Arguments.of(", 1\r\n", "Invalid double \" 1\""),
                Arguments.of(",--1\r\n", "Invalid double \"--1\""),
                Arguments.of(":12a\r\n", "Invalid integer \"12a\""),
                Arguments.of(":\r\n", "Invalid integer \"\""),
                Arguments.of(":-\r\n", "Invalid integer \"-\""),
                Arguments.of(":1 \r\n", "Invalid integer \"1 \""),
                Arguments.of(":9223372036854775808\r\n", "Invalid integer \"9223372036854775808\""),
                Arguments.of(":-9223372036854775809\r\n", "Invalid integer \"-9223372036854775809\""),
                Arguments.of("(12x\r\n", "Invalid big number \"12x\""),
                Arguments.of("(\r\n", "Invalid big number \"\""),
                Arguments.of("(-\r\n", "Invalid big number \"-\""),
                Arguments.of("_x\r\n", "Invalid null \"x\""),
                Arguments.of("+OK\n", "Line contains LF without CR, in simple string"),
                Arguments.of("-ERR\nx\r\n", "Line contains LF without CR, in simple error"),
                Arguments.of("+OK\rX", "Expected LF after CR, got 'X' (0x58), in simple string"),
                Arguments.of(":1\r\r\n", "Expected LF after CR, got 0x0d, in integer"),
                Arguments.of("=3\r\ntxt\r\n", "Verbatim string length 3 is shorter than its format prefix"),
                Arguments.of("=5\r\ntxtxy\r\n", "Verbatim string has no ':' after its 3-byte format"),
                Arguments.of(">0\r\n", "Push message has no kind"),
                Arguments.of(">1\r\n:1\r\n", "Push message kind must be a string, got Int"),
                Arguments.of("*2\r\n:1\r\n?", "Unexpected type byte '?' (0x3f)"),
                Arguments.of("%1\r\n+k\r\n$2\r\nv\r\n\r\n", "Missing CRLF after bulk payload of 2 bytes"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("malformedInputs")
    void malformedInputFailsWithProtocolErrorAndClosesTheChannel(String wire, String message) {
        DecoderHarness harness = new DecoderHarness();
        harness.feed(latin1(wire)).feed(VALID_REPLY);
        harness.close();
        harness.assertProtocolFailure(List.of(), message);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("malformedInputs")
    void malformedInputFedOneByteAtATimeFailsTheSameWay(String wire, String message) {
        DecoderHarness harness = new DecoderHarness();
        harness.feedOneByteAtATime(latin1(wire)).feedOneByteAtATime(VALID_REPLY);
        harness.close();
        harness.assertProtocolFailure(List.of(), message);
    }

    @Test
    void repliesBeforeMalformedBytesAreDeliveredFirstAndNothingAfterThem() {
        DecoderHarness harness = new DecoderHarness();
        harness.feed(latin1("+OK\r\n:1\r\n$x\r\n+SAME-BUFFER\r\n")).feed(latin1("+NEXT-BUFFER\r\n"));
        harness.close();
        harness.assertProtocolFailure(List.of(simple("OK"), integer(1)), "Invalid bulk length \"x\"");
    }

    @Test
    void partialAggregateIsDroppedWhenItsElementIsMalformed() {
        DecoderHarness harness = new DecoderHarness();
        harness.feed(latin1("*3\r\n:1\r\n:2\r\n#maybe\r\n")).feed(latin1("*0\r\n"));
        harness.close();
        harness.assertProtocolFailure(List.of(), "Invalid boolean \"maybe\"");
    }

    private static byte[] latin1(String wire) {
        return wire.getBytes(StandardCharsets.ISO_8859_1);
    }
}

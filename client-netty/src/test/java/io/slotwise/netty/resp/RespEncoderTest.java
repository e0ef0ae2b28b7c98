package io.slotwise.netty.resp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.slotwise.netty.testing.LeakCheckExtension;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(LeakCheckExtension.class)
class RespEncoderTest {

    static Stream<Arguments> commandsAndTheirBytes() {
        return Stream.of(
                Arguments.of(RawCommand.of("PING"), "*1\r\n$4\r\nPING\r\n"),
                Arguments.of(RawCommand.of("GET", "key"), "*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n"),
                Arguments.of(RawCommand.of("SET", "k", ""), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n"),
                Arguments.of(
                        RawCommand.of("SET", "clé", "ü"),
                        "*3\r\n$3\r\nSET\r\n$4\r\ncl\u00c3\u00a9\r\n$2\r\n\u00c3\u00bc\r\n"),
                Arguments.of(
                        RawCommand.ofBytes(latin1("SET"), latin1("bin"), new byte[] {0, (byte) 0xff, '\r', '\n', '$'}),
                        "*3\r\n$3\r\nSET\r\n$3\r\nbin\r\n$5\r\n\u0000\u00ff\r\n$\r\n"),
                Arguments.of(
                        RawCommand.of("ECHO", "x".repeat(255)),
                        "*2\r\n$4\r\nECHO\r\n$255\r\n" + "x".repeat(255) + "\r\n"),
                Arguments.of(
                        RawCommand.of("ECHO", "y".repeat(256)),
                        "*2\r\n$4\r\nECHO\r\n$256\r\n" + "y".repeat(256) + "\r\n"),
                Arguments.of(
                        RawCommand.of("ECHO", "z".repeat(12_345)),
                        "*2\r\n$4\r\nECHO\r\n$12345\r\n" + "z".repeat(12_345) + "\r\n"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commandsAndTheirBytes")
    void commandIsWrittenAsArrayOfBulkStrings(RespCommandArgs command, String expectedWire) {
        EmbeddedChannel channel = new EmbeddedChannel(new RespEncoder());
        channel.writeOutbound(command);
        assertArrayEquals(latin1(expectedWire), readAndRelease(channel));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void commandWithManyArgumentsHasItsCountInTheHeader() {
        List<String> args = new ArrayList<>(List.of("MSET"));
        StringBuilder expected = new StringBuilder("*301\r\n$4\r\nMSET\r\n");
        for (int i = 0; i < 300; i++) {
            String arg = Integer.toString(i);
            args.add(arg);
            expected.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
        }
        EmbeddedChannel channel = new EmbeddedChannel(new RespEncoder());
        channel.writeOutbound(RawCommand.of(args.toArray(String[]::new)));
        assertArrayEquals(latin1(expected.toString()), readAndRelease(channel));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void headerLengthsCountEveryDecimalDigitAtEachPowerOfTen() {
        List<Integer> counts = new ArrayList<>(List.of(0, Integer.MAX_VALUE));
        for (long power = 10; power <= Integer.MAX_VALUE; power *= 10) {
            counts.add((int) power - 1);
            counts.add((int) power);
        }
        for (int count : counts) {
            assertEquals(Integer.toString(count).length(), RespEncoder.decimalDigits(count), "digits of " + count);
        }
    }

    @Test
    void encodedCommandDecodesAsTheSameArguments() {
        byte[][] args = {latin1("SET"), new byte[0], new byte[] {'\r', '\n', 0, -1}, latin1("x".repeat(1000))};
        EmbeddedChannel encoder = new EmbeddedChannel(new RespEncoder());
        encoder.writeOutbound(RawCommand.ofBytes(args));
        DecoderHarness decoder = new DecoderHarness();
        decoder.feed(readAndRelease(encoder));
        decoder.close();
        assertFalse(encoder.finishAndReleaseAll());
        RespValue expected = new RespValue.Array(Arrays.stream(args)
                .map(RespValue.Bulk::copyOf)
                .map(RespValue.class::cast)
                .toList());
        assertEquals(List.of(expected), decoder.values());
    }

    @Test
    void commandWithoutArgumentsFailsTheWriteAndWritesNothing() {
        assertWriteFailsAndWritesNothing(new FixedArgs(), IllegalArgumentException.class);
    }

    @Test
    void commandWithNullArgumentFailsTheWriteAndWritesNothing() {
        assertWriteFailsAndWritesNothing(new FixedArgs(latin1("GET"), null), NullPointerException.class);
    }

    private static void assertWriteFailsAndWritesNothing(RespCommandArgs command, Class<? extends Throwable> cause) {
        EmbeddedChannel channel = new EmbeddedChannel(new RespEncoder());
        ChannelFuture write = channel.writeAndFlush(command);
        assertInstanceOf(EncoderException.class, write.cause());
        assertInstanceOf(cause, write.cause().getCause());
        assertNull(channel.readOutbound(), "nothing reaches the wire");
        // The stream is still in sync: the next command goes out whole.
        channel.writeOutbound(RawCommand.of("PING"));
        assertArrayEquals(latin1("*1\r\n$4\r\nPING\r\n"), readAndRelease(channel));
        assertFalse(channel.finishAndReleaseAll());
    }

    /** Reads the one outbound buffer, checks it was sized exactly, releases it and returns its bytes. */
    private static byte[] readAndRelease(EmbeddedChannel channel) {
        ByteBuf buf = channel.readOutbound();
        try {
            assertEquals(buf.readableBytes(), buf.capacity(), "the buffer is allocated at the exact encoded size");
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
            assertEquals(0, buf.refCnt());
        }
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A command that bypasses {@link RawCommand}'s own checks, to test the encoder's. */
    private record FixedArgs(byte[]... args) implements RespCommandArgs {
        @Override
        public int argCount() {
            return args.length;
        }

        @Override
        public byte[] arg(int index) {
            return args[index];
        }
    }
}

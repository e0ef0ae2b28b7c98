package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.slotwise.sim.cluster.ClusterMessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BusCodecTest {

    static Stream<BusMessage> everyType() {
        return BusMessages.everyType().stream();
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyMessageTypeSurvivesAnEncodeDecodeRoundTrip(BusMessage message) {
        byte[] encoded = encode(message);

        EmbeddedChannel channel = new EmbeddedChannel(new BusFrameDecoder());
        List<ByteBuf> pieces = new ArrayList<>();
        for (byte b : encoded) {
            ByteBuf one = Unpooled.wrappedBuffer(new byte[] {b});
            pieces.add(one);
            channel.writeInbound(one);
        }
        BusMessage decoded = channel.readInbound();

        pieces.forEach(piece -> assertEquals(0, piece.refCnt(), "the decoder releases what it consumed"));
        assertEquals(message, decoded);
        assertArrayEquals(encoded, encode(decoded), "one message has exactly one encoding");
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void aSingleRangeMasterHeaderIsCompact() {
        BusMessage ping =
                new BusMessage(ClusterMessageType.PING, BusMessages.masterHeader(), new BusPayload.Gossip(List.of()));

        assertTrue(encode(ping).length < 150, "Redis needs 2256 bytes for the same header");
    }

    @Test
    void twoFramesInOneReadAreBothDecoded() {
        ByteBuf both = Unpooled.buffer();
        BusMessages.everyType().subList(0, 2).forEach(message -> BusCodec.encode(message, both));
        EmbeddedChannel channel = new EmbeddedChannel(new BusFrameDecoder());

        channel.writeInbound(both);

        assertEquals(BusMessages.everyType().get(0), channel.readInbound());
        assertEquals(BusMessages.everyType().get(1), channel.readInbound());
        assertEquals(0, both.refCnt());
        assertFalse(channel.finish());
    }

    static Stream<Arguments> malformedFrames() {
        int body = BusCodec.PREFIX_LENGTH;
        int afterSender = body + 40;
        return Stream.of(
                Arguments.of("bad magic", (Consumer<ByteBuf>) frame -> frame.setByte(0, 'X'), "bad magic"),
                Arguments.of("version 2", (Consumer<ByteBuf>) frame -> frame.setByte(4, 2), "version 2"),
                Arguments.of("unknown type", (Consumer<ByteBuf>) frame -> frame.setByte(5, 11), "type 11"),
                Arguments.of("MODULE", (Consumer<ByteBuf>) frame -> frame.setByte(5, 9), "type 9"),
                Arguments.of(
                        "length over the limit",
                        (Consumer<ByteBuf>) frame -> frame.setInt(6, BusCodec.MAX_BODY_LENGTH + 1),
                        "exceeds the limit"),
                Arguments.of(
                        "declared length one byte short",
                        (Consumer<ByteBuf>) frame -> frame.setInt(6, frame.getInt(6) - 1),
                        "frame ends inside"),
                Arguments.of(
                        "trailing byte inside the declared length",
                        (Consumer<ByteBuf>) frame -> {
                            frame.setInt(6, frame.getInt(6) + 1);
                            frame.writeByte(0);
                        },
                        "unexpected bytes"),
                Arguments.of(
                        "upper-case sender ID",
                        (Consumer<ByteBuf>) frame -> frame.setByte(body, 'E'),
                        "sender is not a node ID"),
                Arguments.of(
                        "negative current epoch",
                        (Consumer<ByteBuf>) frame -> frame.setLong(afterSender, -1),
                        "current epoch is out of range"),
                Arguments.of(
                        "cluster state 2",
                        (Consumer<ByteBuf>) frame -> frame.setByte(afterSender + 30, 2),
                        "cluster state"),
                Arguments.of(
                        "descending slot ranges",
                        (Consumer<ByteBuf>) frame -> {
                            int ranges = frame.writerIndex() - 2 - 8;
                            frame.setShort(ranges, 16383);
                            frame.setShort(ranges + 2, 16383);
                            frame.setShort(ranges + 4, 0);
                            frame.setShort(ranges + 6, 5460);
                        },
                        "slot ranges"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void malformedFrameFailsTheStreamAndLeaksNothing(String name, Consumer<ByteBuf> corruption, String error) {
        BusMessage ping =
                new BusMessage(ClusterMessageType.PING, BusMessages.masterHeader(), new BusPayload.Gossip(List.of()));
        ByteBuf frame = Unpooled.buffer();
        BusCodec.encode(ping, frame);
        corruption.accept(frame);
        ByteBuf valid = Unpooled.buffer();
        BusCodec.encode(ping, valid);
        EmbeddedChannel channel = new EmbeddedChannel(new BusFrameDecoder());

        BusProtocolException thrown = assertThrows(BusProtocolException.class, () -> channel.writeInbound(frame));
        channel.writeInbound(valid);

        assertTrue(thrown.getMessage().contains(error), thrown.getMessage());
        assertEquals(0, frame.refCnt());
        assertEquals(0, valid.refCnt());
        assertNull(channel.readInbound(), "nothing is decoded after the stream was corrupted");
        assertFalse(channel.finish());
    }

    @Test
    void messageWithAPayloadOfTheWrongKindCannotBeBuilt() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new BusMessage(ClusterMessageType.PING, BusMessages.masterHeader(), new BusPayload.None()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BusMessage(ClusterMessageType.MODULE, BusMessages.masterHeader(), new BusPayload.None()));
    }

    private static byte[] encode(BusMessage message) {
        ByteBuf out = Unpooled.buffer();
        try {
            BusCodec.encode(message, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}

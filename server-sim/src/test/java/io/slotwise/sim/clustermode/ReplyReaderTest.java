package io.slotwise.sim.clustermode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyReaderTest {

    @Test
    void repliesFedOneByteAtATimeAreDecodedWhole() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReplyReader());
        byte[] wire = ("+OK\r\n-BUSYKEY Target key name already exists.\r\n:42\r\n$5\r\nhello\r\n$-1\r\n"
                        + "*2\r\n$1\r\na\r\n*1\r\n:1\r\n*-1\r\n")
                .getBytes(StandardCharsets.UTF_8);
        for (byte b : wire) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertEquals(TargetReply.of(TargetReply.Type.STATUS, "OK"), channel.readInbound());
        TargetReply error = channel.readInbound();
        assertEquals(TargetReply.Type.ERROR, error.type());
        assertEquals("BUSYKEY Target key name already exists.", error.text());
        assertEquals(TargetReply.of(TargetReply.Type.INTEGER, "42"), channel.readInbound());
        assertEquals(TargetReply.of(TargetReply.Type.BULK, "hello"), channel.readInbound());
        assertEquals(TargetReply.of(TargetReply.Type.NULL, ""), channel.readInbound());
        assertEquals(
                new TargetReply(
                        TargetReply.Type.ARRAY,
                        "",
                        List.of(
                                TargetReply.of(TargetReply.Type.BULK, "a"),
                                new TargetReply(
                                        TargetReply.Type.ARRAY,
                                        "",
                                        List.of(TargetReply.of(TargetReply.Type.INTEGER, "1"))))),
                channel.readInbound());
        assertEquals(TargetReply.of(TargetReply.Type.NULL, ""), channel.readInbound());
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void severalRepliesInOneBufferAreAllDecodedAndTheBufferReleased() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReplyReader());
        ByteBuf in = Unpooled.copiedBuffer("+OK\r\n+OK\r\n", StandardCharsets.US_ASCII);
        channel.writeInbound(in);
        assertEquals(0, in.refCnt());
        assertEquals(TargetReply.of(TargetReply.Type.STATUS, "OK"), channel.readInbound());
        assertEquals(TargetReply.of(TargetReply.Type.STATUS, "OK"), channel.readInbound());
        assertFalse(channel.finish());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?what\r\n", "+OK\n", ":x\r\n", "$-2\r\n", "$3\r\nabcde\r\n", "*x\r\n", "%1\r\n"})
    void malformedRepliesFailTheChannel(String wire) {
        EmbeddedChannel channel = new EmbeddedChannel(new ReplyReader());
        assertThrows(
                DecoderException.class,
                () -> channel.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8)));
        channel.finishAndReleaseAll();
    }

    @Test
    void overlongLineFailsBeforeItsEndArrives() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReplyReader());
        ByteBuf huge = Unpooled.buffer(ReplyReader.MAX_LINE + 2);
        huge.writeByte('+');
        huge.writeZero(ReplyReader.MAX_LINE + 1);
        assertThrows(DecoderException.class, () -> channel.writeInbound(huge));
        assertEquals(0, huge.refCnt());
        channel.finishAndReleaseAll();
    }
}

package io.slotwise.sim.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkDecoderTest {
    private static final String ID = "c".repeat(40);

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds the bytes one at a time and collects every event. */
    private static List<LinkEvent> decodeByteByByte(int handshakeReplies, byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new LinkDecoder(handshakeReplies));
        List<ByteBuf> fed = new ArrayList<>();
        for (byte b : input) {
            ByteBuf one = Unpooled.buffer(1).writeByte(b);
            fed.add(one);
            channel.writeInbound(one);
        }
        List<LinkEvent> events = new ArrayList<>();
        for (Object event = channel.readInbound(); event != null; event = channel.readInbound()) {
            events.add((LinkEvent) event);
        }
        assertFalse(channel.finish());
        fed.forEach(buffer -> assertEquals(0, buffer.refCnt()));
        return events;
    }

    @Test
    void decodesAFullSynchronisationFedByteByByte() {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(ascii("+OK\r\n-ERR nope\r\n+FULLRESYNC " + ID + " 42\r\n$5\r\nhe\r\no"));
        byte[] stream =
                RespCommands.encode(List.of(RespCommands.command("SET", "k", "v\r\n"), RespCommands.command("PING")));
        input.writeBytes(stream);

        List<LinkEvent> events = decodeByteByByte(2, input.toByteArray());

        assertEquals(6, events.size());
        assertEquals(new LinkEvent.HandshakeReply("+OK"), events.get(0));
        assertEquals(true, ((LinkEvent.HandshakeReply) events.get(1)).isError());
        assertEquals(new LinkEvent.FullResync(ID, 42), events.get(2));
        assertArrayEquals(ascii("he\r\no"), ((LinkEvent.Snapshot) events.get(3)).bytes());
        LinkEvent.StreamCommand set = (LinkEvent.StreamCommand) events.get(4);
        assertArrayEquals(ascii("v\r\n"), set.args().get(2));
        LinkEvent.StreamCommand ping = (LinkEvent.StreamCommand) events.get(5);
        assertEquals(stream.length, set.raw().length + ping.raw().length);
        assertArrayEquals(RespCommands.encode(List.of(RespCommands.command("PING"))), ping.raw());
    }

    @Test
    void decodesAContinuationWithAndWithoutId() {
        List<LinkEvent> named = decodeByteByByte(0, ascii("+CONTINUE " + ID + "\r\n"));
        assertEquals(List.of(new LinkEvent.Continue(ID)), named);
        List<LinkEvent> unnamed = decodeByteByByte(0, ascii("+CONTINUE\r\n*1\r\n$4\r\nPING\r\n"));
        assertEquals(new LinkEvent.Continue(null), unnamed.get(0));
        assertInstanceOf(LinkEvent.StreamCommand.class, unnamed.get(1));
    }

    @Test
    void aRefusedPsyncEndsDecoding() {
        List<LinkEvent> events = decodeByteByByte(0, ascii("-NOMASTERLINK down\r\n*1\r\n$4\r\nPING\r\n"));
        assertEquals(List.of(new LinkEvent.Refused("-NOMASTERLINK down")), events);
    }

    @Test
    void malformedInputIsAProtocolError() {
        for (String bad : new String[] {":1\r\n", "+CONTINUE\r\n$3\r\nabc\r\n", "+CONTINUE\r\n*1\r\n$x\r\n", "+OK\n"}) {
            EmbeddedChannel channel = new EmbeddedChannel(new LinkDecoder(0));
            ByteBuf input = Unpooled.wrappedBuffer(ascii(bad));
            assertThrows(DecoderException.class, () -> channel.writeInbound(input), bad);
            Object event = channel.readInbound();
            assertNull(event instanceof LinkEvent.StreamCommand ? event : null, bad);
            channel.finishAndReleaseAll();
            assertEquals(0, input.refCnt());
        }
    }
}

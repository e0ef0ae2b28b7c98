package io.slotwise.sim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RequestDecoder} in an {@link EmbeddedChannel}: feeds it bytes, collects what it emits, and on close proves
 * that every input buffer was released and that nothing was left behind.
 */
final class DecoderHarness implements AutoCloseable {
    final RequestDecoder decoder;
    final EmbeddedChannel channel;
    private final List<ByteBuf> inputs = new ArrayList<>();

    DecoderHarness() {
        this(new RequestDecoder());
    }

    DecoderHarness(RequestDecoder decoder) {
        this.decoder = decoder;
        this.channel = new EmbeddedChannel(decoder);
    }

    /** Decodes {@code input} cut as {@code fragmentation} says and returns everything emitted. */
    static List<Object> decode(byte[] input, Fragmentation fragmentation) {
        try (DecoderHarness harness = new DecoderHarness()) {
            return harness.feed(input, fragmentation);
        }
    }

    List<Object> feed(byte[] input, Fragmentation fragmentation) {
        for (byte[] chunk : fragmentation.apply(input)) {
            feed(chunk);
        }
        return drain();
    }

    void feed(byte[] chunk) {
        ByteBuf buf = Unpooled.buffer(chunk.length).writeBytes(chunk);
        inputs.add(buf);
        channel.writeInbound(buf);
    }

    List<Object> drain() {
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        return messages;
    }

    @Override
    public void close() {
        List<Object> leftOver = drain();
        assertFalse(channel.finishAndReleaseAll(), "messages left in the channel");
        for (ByteBuf input : inputs) {
            assertEquals(0, input.refCnt(), "an input buffer was not released");
        }
        assertEquals(List.of(), leftOver, "messages not collected by the test");
    }

    /** The bytes of a string whose chars are all below 256, one byte per char (so "\u00ff" is the byte 0xFF). */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Request request(String... args) {
        return Request.ofStrings(args);
    }
}

package io.slotwise.netty.resp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.slotwise.resp.RespLimits;
import io.slotwise.resp.RespProtocolException;
import io.slotwise.resp.RespValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@link RespDecoder} in an {@link EmbeddedChannel}, followed by a handler that records what comes out of it:
 * decoded values, anything else (which would be a bug, such as an escaped buffer), and exceptions. Feeds input as
 * freshly allocated, leak-tracked buffers and checks on {@link #close()} that every one was released.
 *
 * <p>A handler in front of the decoder records close requests and holds them back until {@link #close()}: like a real
 * channel, which may still deliver reads already under way after a close was requested, the decoder keeps receiving
 * input after it asked to close, so tests can check that it discards that input.
 */
final class DecoderHarness implements AutoCloseable {

    private final EmbeddedChannel channel;
    private final List<RespValue> values = new ArrayList<>();
    private final List<Object> unexpectedMessages = new ArrayList<>();
    private final List<Throwable> exceptions = new ArrayList<>();
    /** Values and exceptions in the order they came out; exceptions as "SimpleClassName: message". */
    private final List<Object> events = new ArrayList<>();

    private final List<ByteBuf> inputs = new ArrayList<>();
    private int closeRequests;
    private boolean letCloseThrough;

    DecoderHarness() {
        this(RespLimits.defaults());
    }

    DecoderHarness(RespLimits limits) {
        channel = new EmbeddedChannel(new CloseHolder(), new RespDecoder(limits), new Recorder());
    }

    /** Feeds all bytes in one buffer. */
    DecoderHarness feed(byte[] bytes) {
        return feedSlice(bytes, 0, bytes.length);
    }

    /** Feeds each byte in its own buffer. */
    DecoderHarness feedOneByteAtATime(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            feedSlice(bytes, i, 1);
        }
        return this;
    }

    /** Feeds the bytes in buffers of random sizes in {@code [0, maxFragment]}, empty buffers included. */
    DecoderHarness feedInRandomFragments(byte[] bytes, Random random, int maxFragment) {
        int offset = 0;
        while (offset < bytes.length) {
            int size = Math.min(random.nextInt(maxFragment + 1), bytes.length - offset);
            feedSlice(bytes, offset, size);
            offset += size;
        }
        return this;
    }

    /** Feeds the bytes in buffers of a fixed size (the last may be shorter). */
    DecoderHarness feedInFragmentsOf(byte[] bytes, int fragmentSize) {
        for (int offset = 0; offset < bytes.length; offset += fragmentSize) {
            feedSlice(bytes, offset, Math.min(fragmentSize, bytes.length - offset));
        }
        return this;
    }

    private DecoderHarness feedSlice(byte[] bytes, int offset, int length) {
        ByteBuf buf = channel.alloc().buffer(length).writeBytes(bytes, offset, length);
        inputs.add(buf);
        channel.pipeline().fireChannelRead(buf);
        channel.pipeline().fireChannelReadComplete();
        channel.runPendingTasks();
        return this;
    }

    List<RespValue> values() {
        return values;
    }

    List<Throwable> exceptions() {
        return exceptions;
    }

    /**
     * Asserts the outcome of malformed input: exactly {@code valuesBefore} were decoded, then exactly one
     * {@link RespProtocolException} with {@code message} reached {@code exceptionCaught}, the decoder asked to close
     * the channel, and nothing was decoded after that.
     */
    void assertProtocolFailure(List<RespValue> valuesBefore, String message) {
        List<Object> expected = new ArrayList<>(valuesBefore);
        expected.add(RespProtocolException.class.getSimpleName() + ": " + message);
        assertEquals(expected, events);
        assertTrue(closeRequested(), "the decoder asked to close the channel");
    }

    /** Tells whether a handler asked to close the channel. */
    boolean closeRequested() {
        return closeRequests > 0;
    }

    /** Closes the channel and checks that nothing leaked and nothing but values came out of the decoder. */
    @Override
    public void close() {
        letCloseThrough = true;
        assertFalse(channel.finishAndReleaseAll(), "messages left in the channel");
        assertEquals(List.of(), unexpectedMessages, "the decoder emitted something other than RespValue");
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(0, inputs.get(i).refCnt(), "input buffer " + i + " was not released");
        }
    }

    private final class CloseHolder extends ChannelOutboundHandlerAdapter {
        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
            if (letCloseThrough) {
                ctx.close(promise);
            } else {
                closeRequests++;
            }
        }
    }

    private final class Recorder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof RespValue value) {
                values.add(value);
                events.add(value);
            } else {
                unexpectedMessages.add(msg.getClass().getName());
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            exceptions.add(cause);
            events.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }
}

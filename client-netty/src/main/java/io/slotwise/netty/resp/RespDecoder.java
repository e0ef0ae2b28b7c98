package io.slotwise.netty.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import io.slotwise.resp.RespLimits;
import io.slotwise.resp.RespProtocolException;
import io.slotwise.resp.RespValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the bytes a Redis server sends into {@link RespValue}s, RESP2 and RESP3 alike (every type marker:
 * {@code + - : $ _ * % ~ , # ( = > | !}). Emits one message per complete top-level value, in wire order; push messages
 * are emitted like replies, and attribute maps are attached to the value that follows them (see {@link RespValue}).
 *
 * <p>Incremental: input may be split at any byte. The decoder keeps its place (the state of the current value, the
 * part of a line already scanned, the payload copied so far and an explicit stack of open aggregates), so no byte is
 * parsed twice. Payloads are copied into {@code byte[]}; no {@link ByteBuf} escapes the decoder.
 *
 * <p>Strict: malformed input, or input beyond the {@link RespLimits}, fires one {@link RespProtocolException} naming
 * the problem through {@code exceptionCaught}, after the values decoded before it, and closes the channel. From then
 * on the decoder discards (and releases) everything it receives: a desynced stream is never decoded again.
 *
 * <p>Not supported: RESP3 streamed strings and aggregates ({@code $?}, {@code *?}), which Redis never sends; they
 * fail as malformed lengths.
 *
 * <p>Not sharable: one instance per channel, used on that channel's event loop. It is not meant to be removed from a
 * live pipeline (netty would forward unread bytes downstream).
 */
public final class RespDecoder extends ByteToMessageDecoder {

    private enum State {
        /** Expecting the type marker of the next value. */
        TYPE,
        /** Scanning the line after the marker for CRLF. */
        LINE,
        /** Copying a blob payload. */
        PAYLOAD,
        /** Expecting the CRLF after a blob payload. */
        PAYLOAD_CRLF,
        /** Malformed input was seen: discard everything. */
        FAILED
    }

    private final RespLimits limits;
    private final Deque<AggregateFrame> openAggregates = new ArrayDeque<>();
    private final PendingAttributes topLevelAttributes = new PendingAttributes();

    private State state = State.TYPE;
    private RespType type;
    private int lineScanned;
    private PayloadAccumulator payload;
    private RespProtocolException failure;
    private boolean closeOnceReported;

    /** Creates a decoder with {@link RespLimits#defaults()}. */
    public RespDecoder() {
        this(RespLimits.defaults());
    }

    /**
     * Creates a decoder.
     *
     * @param limits the bounds to enforce, never {@code null}
     */
    public RespDecoder(RespLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Decodes what {@code msg} completes and fires the values; then, if the input was malformed, fires the
     * {@link RespProtocolException} and closes the channel. Releases {@code msg}.
     */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        try {
            super.channelRead(ctx, msg);
        } finally {
            reportFailure(ctx);
        }
    }

    /** Forwards the event; a failure found while netty decodes the remaining input is reported after it. */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        try {
            super.channelInactive(ctx);
        } finally {
            reportFailure(ctx);
        }
    }

    /** Called only after decoding returned, so that the values decoded before the bad bytes are fired first. */
    private void reportFailure(ChannelHandlerContext ctx) {
        if (!closeOnceReported) {
            return;
        }
        closeOnceReported = false;
        RespProtocolException reported = failure;
        failure = null;
        if (reported != null) {
            ctx.fireExceptionCaught(reported);
        }
        ctx.close();
    }

    /**
     * Decodes every value {@code in} completes into {@code out} and consumes the bytes it used; after a failure,
     * consumes everything and decodes nothing.
     */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.FAILED) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            while (step(in, out)) {
                // Each step consumes input or completes a value; stop when more bytes are needed.
            }
        } catch (RespProtocolException e) {
            enterFailedState(in);
            failure = e;
        } catch (RuntimeException e) {
            // A bug, not bad input: the stream is just as unusable. Netty reports it as a DecoderException.
            enterFailedState(in);
            throw e;
        }
    }

    private void enterFailedState(ByteBuf in) {
        state = State.FAILED;
        closeOnceReported = true;
        openAggregates.clear();
        topLevelAttributes.clear();
        payload = null;
        in.skipBytes(in.readableBytes());
    }

    /** Advances by one state; returns {@code false} when more input is needed. */
    private boolean step(ByteBuf in, List<Object> out) {
        switch (state) {
            case TYPE -> {
                if (!in.isReadable()) {
                    return false;
                }
                byte marker = in.readByte();
                type = RespType.ofMarker(marker);
                if (type == null) {
                    throw new RespProtocolException("Unexpected type byte " + LineParser.describeByte(marker));
                }
                state = State.LINE;
                lineScanned = 0;
                return true;
            }
            case LINE -> {
                return readLine(in, out);
            }
            case PAYLOAD -> {
                payload.readFrom(in);
                if (!payload.isComplete()) {
                    return false;
                }
                state = State.PAYLOAD_CRLF;
                return true;
            }
            case PAYLOAD_CRLF -> {
                if (in.readableBytes() < 2) {
                    return false;
                }
                if (in.readByte() != '\r' || in.readByte() != '\n') {
                    throw new RespProtocolException(
                            "Missing CRLF after " + type.label() + " payload of " + payload.length() + " bytes");
                }
                byte[] bytes = payload.payload();
                payload = null;
                complete(blobValue(bytes), out);
                return true;
            }
            default -> throw new IllegalStateException("Unexpected state " + state);
        }
    }

    /** Finds the CRLF ending the current line, scanning only bytes not scanned before, and handles the line. */
    private boolean readLine(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int from = start + lineScanned;
        int end = in.writerIndex();
        int stop = in.forEachByte(from, end - from, ByteProcessor.FIND_CRLF);
        int length = (stop < 0 ? end : stop) - start;
        if (length > limits.maxLineLength()) {
            throw new RespProtocolException("Line length exceeds limit " + limits.maxLineLength());
        }
        if (stop >= 0 && in.getByte(stop) != '\r') {
            throw new RespProtocolException("Line contains LF without CR, in " + type.label());
        }
        if (stop < 0 || stop + 1 == end) {
            lineScanned = length;
            return false;
        }
        byte afterCr = in.getByte(stop + 1);
        if (afterCr != '\n') {
            throw new RespProtocolException(
                    "Expected LF after CR, got " + LineParser.describeByte(afterCr) + ", in " + type.label());
        }
        onLine(in, start, length, out);
        in.readerIndex(stop + 2);
        return true;
    }

    private void onLine(ByteBuf in, int start, int length, List<Object> out) {
        switch (type.shape()) {
            case LINE -> complete(lineValue(in, start, length), out);
            case BLOB -> startBlob(LineParser.length(in, start, length, type), in.readableBytes() - length - 2, out);
            case AGGREGATE -> startAggregate(LineParser.length(in, start, length, type), out);
        }
    }

    private RespValue lineValue(ByteBuf in, int start, int length) {
        return switch (type) {
            case SIMPLE_STRING -> new RespValue.SimpleString(LineParser.text(in, start, length));
            case SIMPLE_ERROR -> new RespValue.Error(LineParser.text(in, start, length));
            case INTEGER -> new RespValue.Int(LineParser.integer(in, start, length));
            case DOUBLE -> new RespValue.Double(LineParser.decimal(in, start, length));
            case BOOLEAN -> new RespValue.Boolean(LineParser.bool(in, start, length));
            case BIG_NUMBER -> new RespValue.BigNumber(LineParser.bigNumber(in, start, length));
            case NULL -> {
                if (length != 0) {
                    throw new RespProtocolException("Invalid null " + LineParser.quote(in, start, length));
                }
                yield RespValue.Null.INSTANCE;
            }
            default -> throw new IllegalStateException("Not a line type: " + type);
        };
    }

    private void startBlob(long length, int readableAfterLine, List<Object> out) {
        if (length == -1 && type == RespType.BULK_STRING) {
            complete(RespValue.Null.INSTANCE, out);
            return;
        }
        checkLength(length, limits.maxBulkLength());
        if (type == RespType.VERBATIM_STRING && length < 4) {
            throw new RespProtocolException("Verbatim string length " + length + " is shorter than its format prefix");
        }
        payload = new PayloadAccumulator((int) length, readableAfterLine);
        state = State.PAYLOAD;
    }

    private RespValue blobValue(byte[] bytes) {
        return switch (type) {
            case BULK_STRING -> new RespValue.Bulk(bytes);
            case BLOB_ERROR -> new RespValue.Error(new String(bytes, StandardCharsets.UTF_8));
            case VERBATIM_STRING -> {
                if (bytes[3] != ':') {
                    throw new RespProtocolException("Verbatim string has no ':' after its 3-byte format");
                }
                yield new RespValue.Verbatim(
                        new String(bytes, 0, 3, StandardCharsets.UTF_8),
                        new String(bytes, 4, bytes.length - 4, StandardCharsets.UTF_8));
            }
            default -> throw new IllegalStateException("Not a blob type: " + type);
        };
    }

    private void startAggregate(long count, List<Object> out) {
        if (count == -1 && type == RespType.ARRAY) {
            complete(RespValue.Null.INSTANCE, out);
            return;
        }
        checkLength(count, limits.maxAggregateLength());
        int depth = openAggregates.size() + 1;
        if (depth > limits.maxNestingDepth()) {
            throw new RespProtocolException(
                    "Nesting depth " + depth + " exceeds limit " + limits.maxNestingDepth() + ", at " + type.label());
        }
        if (count > 0) {
            openAggregates.push(new AggregateFrame(type, count));
            state = State.TYPE;
        } else if (type == RespType.ATTRIBUTE) {
            attributesAt(openAggregates.peek()).add((RespValue.Map) AggregateFrame.empty(type));
            state = State.TYPE;
        } else {
            complete(AggregateFrame.empty(type), out);
        }
    }

    private void checkLength(long length, int limit) {
        if (length < 0) {
            throw new RespProtocolException("Invalid " + type.label() + " length " + length);
        }
        if (length > limit) {
            String label = type.label();
            throw new RespProtocolException(Character.toUpperCase(label.charAt(0)) + label.substring(1) + " length "
                    + length + " exceeds limit " + limit);
        }
    }

    /**
     * Hands a finished value to the aggregate it belongs to, closing every aggregate it completes, or emits it when
     * it is a whole reply. Attribute maps attach to the next value at their level instead.
     */
    private void complete(RespValue value, List<Object> out) {
        state = State.TYPE;
        RespValue current = value;
        while (true) {
            AggregateFrame parent = openAggregates.peek();
            current = attributesAt(parent).attachTo(current);
            if (parent == null) {
                out.add(current);
                return;
            }
            if (!parent.add(current)) {
                return;
            }
            openAggregates.pop();
            current = parent.build();
            if (parent.type() == RespType.ATTRIBUTE) {
                attributesAt(openAggregates.peek()).add((RespValue.Map) current);
                return;
            }
        }
    }

    private PendingAttributes attributesAt(AggregateFrame level) {
        return level == null ? topLevelAttributes : level.attributes();
    }
}

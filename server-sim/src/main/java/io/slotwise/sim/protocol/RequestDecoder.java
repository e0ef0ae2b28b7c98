package io.slotwise.sim.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The inbound end of the simulator's pipeline: turns the bytes a client sends into {@link Request}s as Redis 7.0's
 * {@code processMultibulkBuffer} and {@code processInlineBuffer} do, whatever the bytes' fragmentation.
 *
 * <p>A request starting with '*' is a multibulk array: {@code *count} then count times {@code $length} and the bytes.
 * Anything else is an inline line ending in LF (an optional CR before it is dropped), split as {@link
 * InlineArgumentSplitter} describes. Like Redis: a count of zero or less and a blank inline line are ignored; a
 * {@code *}/{@code $} line ends at its first CR and the byte after the CR is skipped without being checked, as are the
 * two bytes after a bulk's content; a NUL byte before a line's terminator hides the terminator (Redis searches with
 * {@code strchr}), so such a line only ends with the too-big error.
 *
 * <p>On malformed input it emits one {@link ProtocolError} with Redis's text and ignores (releases) every later byte:
 *
 * <ul>
 *   <li>{@code ERR Protocol error: invalid multibulk length}: count not an integer, or above {@link
 *       ProtocolLimits#MAX_MULTIBULK_LENGTH};
 *   <li>{@code ERR Protocol error: unauthenticated multibulk length}: count above 10 while authentication is required;
 *   <li>{@code ERR Protocol error: expected '$', got 'c'}: an element line not starting with '$' (CR or LF shown as a
 *       space);
 *   <li>{@code ERR Protocol error: invalid bulk length}: length not an integer, negative, or above
 *       {@code proto-max-bulk-len};
 *   <li>{@code ERR Protocol error: unauthenticated bulk length}: length above 16384 while authentication is required;
 *   <li>{@code ERR Protocol error: too big mbulk count string}, {@code ... too big bulk count string}, {@code ... too big
 *       inline request}: more than {@link ProtocolLimits#MAX_INLINE_SIZE} bytes of the line before its terminator;
 *   <li>{@code ERR Protocol error: unbalanced quotes in request}: inline quotes not closed properly.
 * </ul>
 *
 * Redis checks the 64 KiB line limit when a read leaves the terminator missing, so how much longer a line it lets
 * through depends on its reads; this decoder applies the limit to the line itself, which is what Redis does when bytes
 * arrive one at a time, and so does not depend on fragmentation.
 *
 * <p>Each decode step emits at most one message, so the handler after it has acted on a request (AUTH, HELLO, QUIT)
 * before the next one is parsed, as in Redis. Memory follows what arrives, never a declared length: large bulks are
 * collected by a {@link BulkAccumulator}, argument lists grow from at most 1024 slots. Not sharable: one instance per
 * channel, used on its event loop only.
 */
public final class RequestDecoder extends ByteToMessageDecoder {
    private static final int MAX_PREALLOCATED_ARGS = 1024;
    /** Bulks up to this length wait for their bytes in the cumulation buffer; longer ones are collected as they come. */
    private static final int MAX_WAITING_BULK = 16 * 1024;

    private static final byte[] EMPTY = new byte[0];

    private enum State {
        REQUEST_START,
        INLINE,
        MULTIBULK_COUNT,
        BULK_LENGTH,
        BULK_CONTENT,
        BULK_TERMINATOR,
        DISCARDING
    }

    private final LongSupplier protoMaxBulkLen;
    private final BooleanSupplier authRequired;

    private State state = State.REQUEST_START;
    private final LineFinder lines = new LineFinder();
    private List<byte[]> args;
    private long argsMissing;
    private int bulkLength;
    private BulkAccumulator bulk;
    private byte[] finishedBulk;
    private int terminatorMissing;

    /** Creates a decoder with Redis's defaults: {@code proto-max-bulk-len} 512 MiB, no authentication required. */
    public RequestDecoder() {
        this(() -> ProtocolLimits.DEFAULT_PROTO_MAX_BULK_LEN, () -> false);
    }

    /**
     * Creates a decoder whose limits follow live settings; both suppliers are called on the event loop, each time a
     * count or length line is checked.
     *
     * @param protoMaxBulkLen the current {@code proto-max-bulk-len}; values above {@link
     *     ProtocolLimits#MAX_STORABLE_BULK_LENGTH} are capped to it (return that to exempt a connection, as Redis exempts
     *     its primary's)
     * @param authRequired true while the connection must still authenticate (Redis's {@code authRequired}), which
     *     tightens the count and length limits
     */
    public RequestDecoder(LongSupplier protoMaxBulkLen, BooleanSupplier authRequired) {
        this.protoMaxBulkLen = Objects.requireNonNull(protoMaxBulkLen, "protoMaxBulkLen");
        this.authRequired = Objects.requireNonNull(authRequired, "authRequired");
    }

    /**
     * Stops decoding: every byte received from now on, and any partial request, is dropped. For a command that closes
     * the connection after its reply (QUIT), so that requests pipelined behind it are not executed, as in Redis. Call
     * on the event loop.
     */
    public void discardRemainingInput() {
        state = State.DISCARDING;
        args = null;
        bulk = null;
        finishedBulk = null;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable() && out.isEmpty()) {
            boolean progressed = switch (state) {
                case REQUEST_START -> startRequest(in);
                case INLINE -> readInline(in, out);
                case MULTIBULK_COUNT -> readMultibulkCount(in, out);
                case BULK_LENGTH -> readBulkLength(in, out);
                case BULK_CONTENT -> readBulkContent(in);
                case BULK_TERMINATOR -> readBulkTerminator(in, out);
                case DISCARDING -> discard(in);
            };
            if (!progressed) {
                return;
            }
        }
    }

    private boolean startRequest(ByteBuf in) {
        state = in.getByte(in.readerIndex()) == '*' ? State.MULTIBULK_COUNT : State.INLINE;
        lines.reset();
        return true;
    }

    private boolean readInline(ByteBuf in, List<Object> out) {
        int newline = lines.find(in, (byte) '\n');
        if (lines.tooLong(in, newline)) {
            return fail(in, out, "ERR Protocol error: too big inline request");
        }
        if (newline < 0) {
            return false;
        }
        int length = newline > 0 && in.getByte(in.readerIndex() + newline - 1) == '\r' ? newline - 1 : newline;
        byte[] line = new byte[length];
        in.readBytes(line);
        in.skipBytes(newline + 1 - length);
        Optional<List<byte[]>> split = InlineArgumentSplitter.split(line);
        if (split.isEmpty()) {
            return fail(in, out, "ERR Protocol error: unbalanced quotes in request");
        }
        state = State.REQUEST_START;
        if (!split.get().isEmpty()) {
            out.add(Request.of(split.get()));
        }
        return true;
    }

    private boolean readMultibulkCount(ByteBuf in, List<Object> out) {
        int cr = lines.find(in, (byte) '\r');
        if (lines.tooLong(in, cr)) {
            return fail(in, out, "ERR Protocol error: too big mbulk count string");
        }
        if (!lines.complete(in, cr)) {
            return false;
        }
        OptionalLong count = RedisIntegerSyntax.parse(in, in.readerIndex() + 1, cr - 1);
        if (count.isEmpty() || count.getAsLong() > ProtocolLimits.MAX_MULTIBULK_LENGTH) {
            return fail(in, out, "ERR Protocol error: invalid multibulk length");
        }
        if (count.getAsLong() > ProtocolLimits.MAX_UNAUTHENTICATED_MULTIBULK_LENGTH && authRequired.getAsBoolean()) {
            return fail(in, out, "ERR Protocol error: unauthenticated multibulk length");
        }
        in.skipBytes(cr + 2);
        lines.reset();
        if (count.getAsLong() <= 0) {
            state = State.REQUEST_START;
        } else {
            argsMissing = count.getAsLong();
            args = new ArrayList<>((int) Math.min(argsMissing, MAX_PREALLOCATED_ARGS));
            state = State.BULK_LENGTH;
        }
        return true;
    }

    private boolean readBulkLength(ByteBuf in, List<Object> out) {
        int cr = lines.find(in, (byte) '\r');
        if (lines.tooLong(in, cr)) {
            return fail(in, out, "ERR Protocol error: too big bulk count string");
        }
        if (!lines.complete(in, cr)) {
            return false;
        }
        byte first = in.getByte(in.readerIndex());
        if (first != '$') {
            return fail(in, out, expectedDollar(first));
        }
        OptionalLong length = RedisIntegerSyntax.parse(in, in.readerIndex() + 1, cr - 1);
        long maxLength = Math.min(protoMaxBulkLen.getAsLong(), ProtocolLimits.MAX_STORABLE_BULK_LENGTH);
        if (length.isEmpty() || length.getAsLong() < 0 || length.getAsLong() > maxLength) {
            return fail(in, out, "ERR Protocol error: invalid bulk length");
        }
        if (length.getAsLong() > ProtocolLimits.MAX_UNAUTHENTICATED_BULK_LENGTH && authRequired.getAsBoolean()) {
            return fail(in, out, "ERR Protocol error: unauthenticated bulk length");
        }
        in.skipBytes(cr + 2);
        lines.reset();
        bulkLength = (int) length.getAsLong();
        state = State.BULK_CONTENT;
        return true;
    }

    private boolean readBulkContent(ByteBuf in) {
        if (bulk == null) {
            if (in.readableBytes() >= bulkLength) {
                finishedBulk = bulkLength == 0 ? EMPTY : new byte[bulkLength];
                in.readBytes(finishedBulk);
                return expectTerminator();
            }
            if (bulkLength <= MAX_WAITING_BULK) {
                return false;
            }
            bulk = new BulkAccumulator(bulkLength);
        }
        if (!bulk.takeFrom(in)) {
            return false;
        }
        finishedBulk = bulk.content();
        bulk = null;
        return expectTerminator();
    }

    private boolean expectTerminator() {
        terminatorMissing = 2;
        state = State.BULK_TERMINATOR;
        return true;
    }

    private boolean readBulkTerminator(ByteBuf in, List<Object> out) {
        int skipped = Math.min(terminatorMissing, in.readableBytes());
        in.skipBytes(skipped);
        terminatorMissing -= skipped;
        if (terminatorMissing > 0) {
            return false;
        }
        args.add(finishedBulk);
        finishedBulk = null;
        if (--argsMissing > 0) {
            state = State.BULK_LENGTH;
        } else {
            out.add(Request.of(args));
            args = null;
            state = State.REQUEST_START;
        }
        return true;
    }

    private static byte[] expectedDollar(byte got) {
        byte shown = got == '\r' || got == '\n' ? (byte) ' ' : got;
        byte[] prefix = "ERR Protocol error: expected '$', got '".getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[prefix.length + 2];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        message[prefix.length] = shown;
        message[prefix.length + 1] = '\'';
        return message;
    }

    private boolean fail(ByteBuf in, List<Object> out, String message) {
        return fail(in, out, message.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean fail(ByteBuf in, List<Object> out, byte[] message) {
        out.add(new ProtocolError(new Reply.SimpleError(message)));
        discardRemainingInput();
        return discard(in);
    }

    private static boolean discard(ByteBuf in) {
        in.skipBytes(in.readableBytes());
        return true;
    }

    /** Bytes this decoder holds for requests not yet complete: the cumulation buffer and a large bulk's array. */
    long retainedBytes() {
        return internalBuffer().capacity() + (bulk == null ? 0 : bulk.capacity());
    }
}

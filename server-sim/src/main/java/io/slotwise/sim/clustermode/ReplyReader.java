package io.slotwise.sim.clustermode;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the RESP2 replies of a MIGRATE target into {@link TargetReply} objects: status, error, integer, bulk string,
 * null and (nested) arrays. A reply is emitted only once it is complete; a partial one waits for more bytes. Anything
 * else, or a reply over the limits (lines of {@value #MAX_LINE} bytes, bulk strings of {@value #MAX_BULK} bytes,
 * {@value #MAX_DEPTH} levels of nesting), fails with a {@link CorruptedFrameException}, and MIGRATE then closes the
 * connection. Copies what it keeps, so the decoder's cumulation buffer is released as usual. One instance per
 * channel, on its event loop.
 */
final class ReplyReader extends ByteToMessageDecoder {
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_BULK = 512 * 1024 * 1024;
    static final int MAX_DEPTH = 32;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            TargetReply reply;
            try {
                reply = read(in, 0);
            } catch (CorruptedFrameException e) {
                in.skipBytes(in.readableBytes());
                throw e;
            }
            if (reply == null) {
                in.readerIndex(start);
                return;
            }
            out.add(reply);
        }
    }

    /** Reads one reply, or returns null (reader index undefined) when it is not complete yet. */
    private static TargetReply read(ByteBuf in, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CorruptedFrameException("reply nested deeper than " + MAX_DEPTH);
        }
        if (!in.isReadable()) {
            return null;
        }
        byte type = in.readByte();
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        switch (type) {
            case '+':
                return TargetReply.of(TargetReply.Type.STATUS, line);
            case '-':
                return TargetReply.of(TargetReply.Type.ERROR, line);
            case ':':
                parseLength(line, Long.MIN_VALUE);
                return TargetReply.of(TargetReply.Type.INTEGER, line);
            case '$':
                return readBulk(in, parseLength(line, -1));
            case '*':
                return readArray(in, parseLength(line, -1), depth);
            default:
                throw new CorruptedFrameException("unexpected reply type byte " + (type & 0xFF));
        }
    }

    private static TargetReply readBulk(ByteBuf in, long length) {
        if (length == -1) {
            return TargetReply.of(TargetReply.Type.NULL, "");
        }
        if (length > MAX_BULK) {
            throw new CorruptedFrameException("bulk string of " + length + " bytes");
        }
        if (in.readableBytes() < length + 2) {
            return null;
        }
        String text = in.readCharSequence((int) length, StandardCharsets.UTF_8).toString();
        if (in.readByte() != '\r' || in.readByte() != '\n') {
            throw new CorruptedFrameException("bulk string not terminated by CRLF");
        }
        return TargetReply.of(TargetReply.Type.BULK, text);
    }

    private static TargetReply readArray(ByteBuf in, long count, int depth) {
        if (count == -1) {
            return TargetReply.of(TargetReply.Type.NULL, "");
        }
        List<TargetReply> elements = new ArrayList<>((int) Math.min(count, 1024));
        for (long i = 0; i < count; i++) {
            TargetReply element = read(in, depth + 1);
            if (element == null) {
                return null;
            }
            elements.add(element);
        }
        return new TargetReply(TargetReply.Type.ARRAY, "", elements);
    }

    private static String readLine(ByteBuf in) {
        int lf = in.forEachByte(ByteProcessor.FIND_LF);
        if (lf < 0) {
            if (in.readableBytes() > MAX_LINE) {
                throw new CorruptedFrameException("reply line longer than " + MAX_LINE + " bytes");
            }
            return null;
        }
        int length = lf - in.readerIndex();
        if (length == 0 || in.getByte(lf - 1) != '\r') {
            throw new CorruptedFrameException("reply line not terminated by CRLF");
        }
        if (length - 1 > MAX_LINE) {
            throw new CorruptedFrameException("reply line longer than " + MAX_LINE + " bytes");
        }
        String line = in.readCharSequence(length - 1, StandardCharsets.UTF_8).toString();
        in.skipBytes(2);
        return line;
    }

    private static long parseLength(String line, long minimum) {
        long value;
        try {
            value = Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new CorruptedFrameException("not a number: " + line);
        }
        if (value < minimum) {
            throw new CorruptedFrameException("negative length: " + line);
        }
        return value;
    }
}

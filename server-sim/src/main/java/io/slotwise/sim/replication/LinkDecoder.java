package io.slotwise.sim.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes what a master sends on a replication link into {@link LinkEvent}s: first one reply line per handshake command
 * sent before PSYNC, then PSYNC's reply ({@code +FULLRESYNC <replid> <offset>}, {@code +CONTINUE [<replid>]} or an
 * error), after FULLRESYNC the snapshot framed as {@code $<length>\r\n<bytes>} (no trailing CRLF, as Redis frames an
 * RDB), then the stream: RESP multibulk arrays of bulk strings, one event per command. Anything else is a protocol
 * error ({@link CorruptedFrameException}, once; later input is discarded), which closes the link.
 *
 * <p>One instance per link; used on the channel's event loop.
 */
final class LinkDecoder extends ByteToMessageDecoder {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_ARGUMENTS = 1024 * 1024;
    private static final long MAX_BULK = 512L * 1024 * 1024;

    private enum Phase {
        HANDSHAKE,
        PSYNC_REPLY,
        SNAPSHOT,
        STREAM,
        REFUSED,
        DISCARD
    }

    private Phase phase;
    private int handshakeRepliesLeft;
    private long snapshotLength = -1;

    /**
     * @param handshakeReplies how many replies precede PSYNC's
     */
    LinkDecoder(int handshakeReplies) {
        this.handshakeRepliesLeft = handshakeReplies;
        this.phase = handshakeReplies > 0 ? Phase.HANDSHAKE : Phase.PSYNC_REPLY;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            decodeAvailable(in, out);
        } catch (CorruptedFrameException e) {
            phase = Phase.DISCARD;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    private void decodeAvailable(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            Object event = switch (phase) {
                case HANDSHAKE -> handshakeReply(in);
                case PSYNC_REPLY -> psyncReply(in);
                case SNAPSHOT -> snapshot(in);
                case STREAM -> command(in);
                case REFUSED, DISCARD -> skip(in);
            };
            if (event == null) {
                return;
            }
            out.add(event);
        }
    }

    private Object handshakeReply(ByteBuf in) {
        String line = statusLine(in);
        if (line == null) {
            return null;
        }
        if (--handshakeRepliesLeft == 0) {
            phase = Phase.PSYNC_REPLY;
        }
        return new LinkEvent.HandshakeReply(line);
    }

    private Object psyncReply(ByteBuf in) {
        String line = statusLine(in);
        if (line == null) {
            return null;
        }
        String[] words = line.split(" ");
        if (words[0].equals("+FULLRESYNC") && words.length == 3) {
            phase = Phase.SNAPSHOT;
            try {
                return new LinkEvent.FullResync(words[1], Long.parseLong(words[2]));
            } catch (NumberFormatException e) {
                throw new CorruptedFrameException("bad FULLRESYNC offset: " + line);
            }
        }
        if (words[0].equals("+CONTINUE") && words.length <= 2) {
            phase = Phase.STREAM;
            return new LinkEvent.Continue(words.length == 2 ? words[1] : null);
        }
        phase = Phase.REFUSED;
        return new LinkEvent.Refused(line);
    }

    private Object snapshot(ByteBuf in) {
        if (snapshotLength < 0) {
            String header = line(in);
            if (header == null) {
                return null;
            }
            snapshotLength = header.startsWith("$") ? parseLength(header.substring(1), MAX_BULK) : -1;
            if (snapshotLength < 0) {
                throw new CorruptedFrameException("expected the snapshot's length, got: " + header);
            }
        }
        if (in.readableBytes() < snapshotLength) {
            return null;
        }
        byte[] bytes = ByteBufUtil.getBytes(in, in.readerIndex(), (int) snapshotLength);
        in.skipBytes((int) snapshotLength);
        phase = Phase.STREAM;
        return new LinkEvent.Snapshot(bytes);
    }

    private Object command(ByteBuf in) {
        int start = in.readerIndex();
        String header = line(in);
        if (header == null) {
            return null;
        }
        if (!header.startsWith("*")) {
            throw new CorruptedFrameException("expected a multibulk command in the stream");
        }
        int count = (int) parseLength(header.substring(1), MAX_ARGUMENTS);
        List<byte[]> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String bulk = line(in);
            if (bulk == null) {
                in.readerIndex(start);
                return null;
            }
            long length = bulk.startsWith("$") ? parseLength(bulk.substring(1), MAX_BULK) : -1;
            if (length < 0) {
                throw new CorruptedFrameException("expected a bulk string in the stream");
            }
            if (in.readableBytes() < length + 2) {
                in.readerIndex(start);
                return null;
            }
            args.add(ByteBufUtil.getBytes(in, in.readerIndex(), (int) length));
            in.skipBytes((int) length);
            if (in.readByte() != '\r' || in.readByte() != '\n') {
                throw new CorruptedFrameException("bulk string without CRLF in the stream");
            }
        }
        if (count == 0) {
            throw new CorruptedFrameException("empty command in the stream");
        }
        byte[] raw = ByteBufUtil.getBytes(in, start, in.readerIndex() - start);
        return new LinkEvent.StreamCommand(args, raw);
    }

    private Object skip(ByteBuf in) {
        in.skipBytes(in.readableBytes());
        return null;
    }

    /** Reads a {@code +} or {@code -} line; null if incomplete. */
    private static String statusLine(ByteBuf in) {
        String line = line(in);
        if (line != null && !line.startsWith("+") && !line.startsWith("-")) {
            throw new CorruptedFrameException("expected a status reply from the master");
        }
        return line;
    }

    /** Reads a CRLF-terminated line without its CRLF; null (nothing consumed) if incomplete. */
    private static String line(ByteBuf in) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (end < 0) {
            if (in.readableBytes() > MAX_LINE) {
                throw new CorruptedFrameException("line too long on the replication link");
            }
            return null;
        }
        if (end == in.readerIndex() || in.getByte(end - 1) != '\r') {
            throw new CorruptedFrameException("line without CR on the replication link");
        }
        String line = in.toString(in.readerIndex(), end - 1 - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(end + 1);
        return line;
    }

    private static long parseLength(String digits, long max) {
        try {
            long value = Long.parseLong(digits);
            if (value < 0 || value > max) {
                throw new CorruptedFrameException("length out of range: " + digits);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CorruptedFrameException("malformed length: " + digits);
        }
    }
}

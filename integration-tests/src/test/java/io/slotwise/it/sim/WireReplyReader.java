package io.slotwise.it.sim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RESP2 and RESP3 replies from a blocking stream into {@link WireReply}s, one whole reply per call, keeping every
 * type distinction. Not thread-safe; after it throws, the stream must not be read again.
 */
final class WireReplyReader {

    /** Longest line accepted; real replies' lines are far shorter. */
    private static final int MAX_LINE = 1024 * 1024;

    private final InputStream in;

    WireReplyReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next reply.
     *
     * @throws EOFException if the stream ends, even in the middle of a reply
     * @throws IOException on a read failure (including a socket timeout) or malformed input
     */
    WireReply read() throws IOException {
        char type = (char) readByte();
        byte[] line = readLine();
        return switch (type) {
            case '+', '-', ':', ',', '(', '#' -> new WireReply(type, line, null);
            case '_' -> new WireReply(type, null, null);
            case '$', '!', '=' -> readBulk(type, length(line));
            case '*', '~', '>' -> readAggregate(type, length(line));
            case '%' -> readAggregate(type, 2 * length(line));
            case '|' -> readAttribute(length(line));
            default -> throw new IOException("unknown RESP type byte 0x" + Integer.toHexString(type));
        };
    }

    private WireReply readBulk(char type, int length) throws IOException {
        if (length < 0) {
            return new WireReply(type, null, null);
        }
        byte[] value = in.readNBytes(length);
        if (value.length != length) {
            throw new EOFException("stream ended inside a bulk of " + length + " bytes");
        }
        if (readByte() != '\r' || readByte() != '\n') {
            throw new IOException("bulk of " + length + " bytes not followed by CRLF");
        }
        return new WireReply(type, value, null);
    }

    private WireReply readAggregate(char type, int count) throws IOException {
        if (count < 0) {
            return new WireReply(type, null, null);
        }
        List<WireReply> children = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            children.add(read());
        }
        return WireReply.aggregate(type, children);
    }

    private WireReply readAttribute(int pairs) throws IOException {
        List<WireReply> children = new ArrayList<>();
        for (int i = 0; i < 2 * pairs; i++) {
            children.add(read());
        }
        children.add(read());
        return WireReply.aggregate('|', children);
    }

    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = readByte();
            if (b == '\r') {
                if (readByte() != '\n') {
                    throw new IOException(
                            "CR not followed by LF after '" + line.toString(StandardCharsets.UTF_8) + "'");
                }
                return line.toByteArray();
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("stream ended inside a reply");
        }
        return b;
    }

    private static int length(byte[] line) throws IOException {
        String text = new String(line, StandardCharsets.US_ASCII);
        try {
            long length = Long.parseLong(text);
            if (length < -1 || length > Integer.MAX_VALUE / 2) {
                throw new IOException("length out of range: '" + text + "'");
            }
            return (int) length;
        } catch (NumberFormatException e) {
            throw new IOException("not a length: '" + text + "'", e);
        }
    }
}

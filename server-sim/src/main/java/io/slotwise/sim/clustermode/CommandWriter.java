package io.slotwise.sim.clustermode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes commands as RESP multibulk arrays ({@code *N}, then {@code $len} and the bytes per argument). Stateless. */
final class CommandWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int INITIAL_CAPACITY_LIMIT = 1 << 20;

    private CommandWriter() {}

    /**
     * Encodes commands back to back into one new buffer, which the caller owns.
     *
     * @param allocator the allocator of the channel the buffer is for
     * @param commands the commands, each a list of arguments, name first
     * @return the buffer
     */
    static ByteBuf encode(ByteBufAllocator allocator, List<List<byte[]>> commands) {
        long size = 0;
        for (List<byte[]> command : commands) {
            size += 16;
            for (byte[] arg : command) {
                size += arg.length + 16L;
            }
        }
        ByteBuf out = allocator.buffer((int) Math.min(size, INITIAL_CAPACITY_LIMIT));
        for (List<byte[]> command : commands) {
            writeHeader(out, '*', command.size());
            for (byte[] arg : command) {
                writeHeader(out, '$', arg.length);
                out.writeBytes(arg);
                out.writeBytes(CRLF);
            }
        }
        return out;
    }

    private static void writeHeader(ByteBuf out, char type, int count) {
        out.writeByte(type);
        out.writeCharSequence(Integer.toString(count), StandardCharsets.US_ASCII);
        out.writeBytes(CRLF);
    }
}

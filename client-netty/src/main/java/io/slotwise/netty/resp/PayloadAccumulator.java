package io.slotwise.netty.resp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Copies the payload of one bulk string, blob error or verbatim string out of incoming buffers as it arrives, so that
 * a large payload neither waits whole in netty's cumulation buffer nor is re-read. The array grows with the bytes
 * actually received (doubling, capped at the announced length), never up front from an untrusted length header.
 */
final class PayloadAccumulator {

    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final int length;
    private byte[] bytes;
    private int filled;

    /**
     * @param length the announced payload length, already checked against the limit
     * @param readableNow bytes already available, used to size the array exactly when the payload is all there
     */
    PayloadAccumulator(int length, int readableNow) {
        this.length = length;
        int initial = readableNow >= length ? length : Math.min(length, Math.max(readableNow, INITIAL_CAPACITY));
        this.bytes = new byte[initial];
    }

    /** Copies as many payload bytes as {@code in} holds, up to the end of the payload. */
    void readFrom(ByteBuf in) {
        int count = Math.min(in.readableBytes(), length - filled);
        if (filled + count > bytes.length) {
            long doubled = 2L * bytes.length;
            bytes = Arrays.copyOf(bytes, (int) Math.min(length, Math.max(filled + count, doubled)));
        }
        in.readBytes(bytes, filled, count);
        filled += count;
    }

    boolean isComplete() {
        return filled == length;
    }

    int length() {
        return length;
    }

    /** Returns the complete payload; the array has exactly {@link #length()} bytes and is handed over. */
    byte[] payload() {
        return bytes;
    }
}

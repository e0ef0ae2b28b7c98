package io.slotwise.sim.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Collects the content of one large bulk argument as it arrives, so that memory follows what the client actually sent
 * and not the length it declared: a client announcing {@code $500000000} and sending a few bytes costs a few bytes. The
 * array grows geometrically (at most twice what arrived, never past the declared length), so the finished array is
 * exactly the declared length and needs no final copy. Confined to one channel's event loop.
 */
final class BulkAccumulator {
    private static final int INITIAL_CAPACITY = 16 * 1024;

    private final int declaredLength;
    private byte[] content = new byte[0];
    private int filled;

    /** @param declaredLength the bulk length from the {@code $length} line */
    BulkAccumulator(int declaredLength) {
        this.declaredLength = declaredLength;
    }

    /**
     * Moves as many readable bytes as the bulk still needs out of {@code in}.
     *
     * @return true when the bulk is complete
     */
    boolean takeFrom(ByteBuf in) {
        int count = Math.min(in.readableBytes(), declaredLength - filled);
        if (filled + count > content.length) {
            long grown = Math.max(filled + count, Math.max(INITIAL_CAPACITY, 2L * content.length));
            content = Arrays.copyOf(content, (int) Math.min(grown, declaredLength));
        }
        in.readBytes(content, filled, count);
        filled += count;
        return filled == declaredLength;
    }

    /** Returns the finished bulk; only valid once {@link #takeFrom} returned true. */
    byte[] content() {
        return content;
    }

    /** Returns the bytes currently allocated for the bulk, for tests that bound memory use. */
    int capacity() {
        return content.length;
    }
}

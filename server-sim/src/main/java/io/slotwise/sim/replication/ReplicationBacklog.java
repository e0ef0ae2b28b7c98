package io.slotwise.sim.replication;

/**
 * The last bytes of a replication stream, kept so that a replica whose link broke can continue where it stopped
 * (Redis's {@code repl-backlog-size} ring buffer). Offsets are Redis's: the stream's bytes are numbered from 1, the
 * offset of a stream is the number of its last byte, and a replica asks for the byte after the last one it processed.
 *
 * <p>Not thread-safe; confined to the node's event loop.
 */
final class ReplicationBacklog {
    private final byte[] ring;
    private long endOffset;
    private int length;

    /**
     * Creates an empty backlog.
     *
     * @param capacity how many of the last bytes it keeps, positive
     * @param offset the offset of the stream so far (the next byte appended gets {@code offset + 1})
     */
    ReplicationBacklog(int capacity, long offset) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("backlog capacity must be positive: " + capacity);
        }
        this.ring = new byte[capacity];
        this.endOffset = offset;
    }

    /**
     * Appends stream bytes; the oldest ones fall out when it is full.
     *
     * @param bytes the bytes, in stream order
     */
    void append(byte[] bytes) {
        int start = bytes.length > ring.length ? bytes.length - ring.length : 0;
        int position = (int) Math.floorMod(endOffset + start, (long) ring.length);
        int remaining = bytes.length - start;
        int first = Math.min(remaining, ring.length - position);
        System.arraycopy(bytes, start, ring, position, first);
        System.arraycopy(bytes, start + first, ring, 0, remaining - first);
        endOffset += bytes.length;
        length = (int) Math.min(ring.length, (long) length + bytes.length);
    }

    /** Returns the offset of the last byte appended (Redis's {@code master_repl_offset}). */
    long endOffset() {
        return endOffset;
    }

    /** Returns the offset of the oldest byte kept ({@code repl_backlog_first_byte_offset}). */
    long firstByteOffset() {
        return endOffset - length + 1;
    }

    /** Returns how many bytes it keeps ({@code repl_backlog_histlen}). */
    int historyLength() {
        return length;
    }

    /**
     * Whether a replica that wants the stream from {@code nextOffset} on can be served from here.
     *
     * @param nextOffset the first byte the replica lacks
     * @return true if every byte from there on is kept (or none is missing)
     */
    boolean covers(long nextOffset) {
        return nextOffset >= firstByteOffset() && nextOffset <= endOffset + 1;
    }

    /**
     * Copies the bytes from {@code nextOffset} to the end.
     *
     * @param nextOffset an offset the backlog {@linkplain #covers covers}
     * @return the bytes, possibly none
     * @throws IllegalArgumentException if they are not kept
     */
    byte[] copyFrom(long nextOffset) {
        if (!covers(nextOffset)) {
            throw new IllegalArgumentException("offset " + nextOffset + " is not in the backlog");
        }
        int count = (int) (endOffset + 1 - nextOffset);
        byte[] copy = new byte[count];
        int position = (int) Math.floorMod(nextOffset - 1, (long) ring.length);
        int first = Math.min(count, ring.length - position);
        System.arraycopy(ring, position, copy, 0, first);
        System.arraycopy(ring, 0, copy, first, count - first);
        return copy;
    }
}

package io.slotwise.sim.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Finds the terminator of the line at a buffer's reader index the way Redis does with {@code strchr}: the search stops
 * at the first terminator or the first NUL byte, and a line whose NUL comes first has no terminator at all. Remembers
 * how far it has searched, so a line arriving byte by byte is scanned once, not once per byte. Positions are relative to
 * the reader index, which must not move while one line is being searched; call {@link #reset()} when it does. Confined
 * to one channel's event loop.
 */
final class LineFinder {
    private int searched;
    private boolean hidden;

    /** Forgets the current line; the next search starts at the reader index. */
    void reset() {
        searched = 0;
        hidden = false;
    }

    /**
     * Returns the position of the terminator relative to the reader index, or -1 if no visible terminator has arrived.
     */
    int find(ByteBuf in, byte terminator) {
        int readable = in.readableBytes();
        if (hidden || searched >= readable) {
            return -1;
        }
        int start = in.readerIndex();
        int stop = in.forEachByte(start + searched, readable - searched, b -> b != terminator && b != 0);
        if (stop < 0) {
            searched = readable;
            return -1;
        }
        searched = stop - start;
        if (in.getByte(stop) == 0) {
            hidden = true;
            return -1;
        }
        return searched;
    }

    /**
     * Tells whether the line breaks the 64 KiB limit: more than {@link ProtocolLimits#MAX_INLINE_SIZE} bytes before
     * its terminator, or, with none found yet, more than that many bytes waiting.
     *
     * @param terminator the result of {@link #find}
     */
    boolean tooLong(ByteBuf in, int terminator) {
        return (terminator < 0 ? in.readableBytes() : terminator) > ProtocolLimits.MAX_INLINE_SIZE;
    }

    /** Tells whether a CR-terminated line can be consumed: Redis wants one more byte after the CR, whatever it is. */
    boolean complete(ByteBuf in, int cr) {
        return cr >= 0 && cr + 1 < in.readableBytes();
    }
}

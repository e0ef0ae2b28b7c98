package io.slotwise.sim.data.hyperloglog;

/**
 * The dense encoding's registers: 2<sup>14</sup> 6-bit counters packed least significant bit first, register {@code
 * i} starting at bit {@code 6 * i} of the area after the header. Stateless.
 */
final class DenseRegisters {
    /** The bits of one register. */
    static final int BITS = 6;

    /** The largest value a register holds. */
    static final int MAX_VALUE = (1 << BITS) - 1;

    private DenseRegisters() {}

    /**
     * Reads a register.
     *
     * @param bytes the HLL string
     * @param offset where the registers start (the header size)
     * @param index the register, 0 to 2<sup>14</sup>-1
     * @return its value, 0 to 63
     */
    static int get(byte[] bytes, int offset, int index) {
        int bit = index * BITS;
        int at = offset + bit / 8;
        int shift = bit & 7;
        int low = bytes[at] & 0xff;
        int high = at + 1 < bytes.length ? bytes[at + 1] & 0xff : 0;
        return ((low >>> shift) | (high << (8 - shift))) & MAX_VALUE;
    }

    /**
     * Writes a register.
     *
     * @param bytes the HLL string
     * @param offset where the registers start
     * @param index the register
     * @param value 0 to 63
     */
    static void set(byte[] bytes, int offset, int index, int value) {
        int bit = index * BITS;
        int at = offset + bit / 8;
        int shift = bit & 7;
        bytes[at] = (byte) ((bytes[at] & ~(MAX_VALUE << shift)) | (value << shift));
        if (shift > 8 - BITS) {
            // Only a register that straddles two bytes touches the next one (never past the last register's byte).
            int spill = 8 - shift;
            bytes[at + 1] = (byte) ((bytes[at + 1] & ~(MAX_VALUE >>> spill)) | (value >>> spill));
        }
    }

    /**
     * Raises a register to {@code count} if it is lower.
     *
     * @return whether the register changed
     */
    static boolean raise(byte[] bytes, int offset, int index, int count) {
        if (get(bytes, offset, index) >= count) {
            return false;
        }
        set(bytes, offset, index, count);
        return true;
    }
}

package io.slotwise.sim.keyspace;

/**
 * Computes a key's cluster hash slot as Redis does: CRC16/XMODEM (polynomial 0x1021, initial value 0, no reflection)
 * masked with {@code 0x3FFF}, applied to the hash tag when the key has one.
 *
 * <p>Hash tag rule: find the first {@code '{'}; then the first {@code '}'} after it; if at least one byte lies between
 * them, only those bytes are hashed, otherwise the whole key is. Stateless and thread-safe.
 */
public final class KeySlot {
    /** The number of hash slots in a Redis cluster. */
    public static final int SLOT_COUNT = 16384;

    private static final int[] TABLE = buildTable();

    private KeySlot() {}

    /** Returns the slot (0..16383) of the key {@code key}. */
    public static int of(byte[] key) {
        return of(key, 0, key.length);
    }

    /** Returns the slot (0..16383) of the key stored in {@code key[offset, offset + length)}. */
    public static int of(byte[] key, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > key.length) {
            throw new IndexOutOfBoundsException(
                    "range [" + offset + ", " + offset + "+" + length + ") of " + key.length);
        }
        int end = offset + length;
        int open = indexOf(key, (byte) '{', offset, end);
        if (open >= 0) {
            int close = indexOf(key, (byte) '}', open + 1, end);
            if (close > open + 1) {
                return crc16(key, open + 1, close - open - 1) & (SLOT_COUNT - 1);
            }
        }
        return crc16(key, offset, length) & (SLOT_COUNT - 1);
    }

    /** Returns the CRC16/XMODEM checksum of {@code bytes[offset, offset + length)}. */
    static int crc16(byte[] bytes, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int[] buildTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int crc = n << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            table[n] = crc & 0xFFFF;
        }
        return table;
    }
}

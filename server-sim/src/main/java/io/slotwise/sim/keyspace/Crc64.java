package io.slotwise.sim.keyspace;

/**
 * CRC-64/Jones as used by Redis for DUMP payloads and RDB files: polynomial {@code 0xad93d23594c935a9}, reflected input
 * and output, initial value 0, no final XOR. Check value: {@code "123456789"} gives {@code 0xe9c6d914c4b8d9ca}.
 */
final class Crc64 {
    private static final long REFLECTED_POLYNOMIAL = 0x95AC9329AC4BC9B5L;
    private static final long[] TABLE = buildTable();

    private Crc64() {}

    /** Returns the checksum of {@code bytes[offset, offset + length)}. */
    static long checksum(byte[] bytes, int offset, int length) {
        long crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = TABLE[(int) ((crc ^ bytes[i]) & 0xFF)] ^ (crc >>> 8);
        }
        return crc;
    }

    private static long[] buildTable() {
        long[] table = new long[256];
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLYNOMIAL : crc >>> 1;
            }
            table[n] = crc;
        }
        return table;
    }
}

package io.slotwise.sim.script;

/** CRC-64 with the Jones polynomial, reflected, as Redis checksums DUMP payloads. Stateless. */
final class Crc64Jones {
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x95AC9329AC4BC9B5L : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc64Jones() {}

    static long checksum(byte[] bytes) {
        long crc = 0;
        for (byte b : bytes) {
            crc = TABLE[(int) ((crc ^ b) & 0xFF)] ^ (crc >>> 8);
        }
        return crc;
    }
}

package io.slotwise.sim.data.hyperloglog;

/**
 * Austin Appleby's MurmurHash64A, the 64-bit hash Redis applies to HyperLogLog elements, reading the input as
 * little-endian 64-bit words (as Redis does on every platform). Stateless and thread-safe.
 */
final class MurmurHash64A {
    /** The seed Redis uses for HyperLogLog elements. */
    static final long HLL_SEED = 0xadc83b19L;

    private static final long MULTIPLIER = 0xc6a4a7935bd1e995L;
    private static final int SHIFT = 47;

    private MurmurHash64A() {}

    /**
     * Hashes {@code data}.
     *
     * @param data the bytes to hash, not changed
     * @param seed the seed
     * @return the 64-bit hash
     */
    static long hash(byte[] data, long seed) {
        int length = data.length;
        long h = seed ^ (length * MULTIPLIER);
        int blocks = length / 8;
        for (int i = 0; i < blocks; i++) {
            long k = littleEndianLong(data, i * 8);
            k *= MULTIPLIER;
            k ^= k >>> SHIFT;
            k *= MULTIPLIER;
            h ^= k;
            h *= MULTIPLIER;
        }
        int tail = blocks * 8;
        int remaining = length & 7;
        if (remaining > 0) {
            for (int i = remaining - 1; i >= 0; i--) {
                h ^= (data[tail + i] & 0xffL) << (8 * i);
            }
            h *= MULTIPLIER;
        }
        h ^= h >>> SHIFT;
        h *= MULTIPLIER;
        h ^= h >>> SHIFT;
        return h;
    }

    private static long littleEndianLong(byte[] data, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xffL);
        }
        return value;
    }
}

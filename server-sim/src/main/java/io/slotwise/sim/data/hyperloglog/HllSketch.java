package io.slotwise.sim.data.hyperloglog;

import java.util.Arrays;

/**
 * A mutable working copy of one HLL string value in Redis's representation: a 16-byte header ({@code HYLL}, the
 * encoding byte, three unused bytes, the cached cardinality as 8 little-endian bytes whose top bit marks it stale)
 * followed by the registers in the sparse ({@link SparseEncoding}) or dense ({@link DenseRegisters}) encoding.
 * Commands copy a stored value into a sketch, change it and store {@link #toByteArray()}. Not thread-safe.
 */
final class HllSketch {
    /** The number of bits of the hash that select a register. */
    static final int PRECISION = 14;

    /** The number of registers. */
    static final int REGISTERS = 1 << PRECISION;

    /** The bits of the hash that are left to count zeros in. */
    static final int Q = 64 - PRECISION;

    static final int HEADER_SIZE = 16;
    static final int DENSE_SIZE = HEADER_SIZE + (REGISTERS * DenseRegisters.BITS + 7) / 8;

    /** Redis's default {@code hll-sparse-max-bytes}: a sparse HLL that would grow past it becomes dense. */
    static final int SPARSE_MAX_BYTES = 3000;

    static final int DENSE = 0;
    static final int SPARSE = 1;

    private static final byte[] MAGIC = {'H', 'Y', 'L', 'L'};
    private static final int ENCODING_AT = 4;
    private static final int CARDINALITY_AT = 8;
    private static final int STALE_BIT = 0x80;

    private byte[] bytes;
    private int length;

    private HllSketch(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    /**
     * Whether a string value is one the HLL commands accept (else they answer {@code WRONGTYPE Key is not a valid
     * HyperLogLog string value.}): at least a header long, the magic, a known encoding, and for the dense encoding the
     * exact dense size. The registers are only checked when read.
     */
    static boolean isValid(byte[] value) {
        if (value.length < HEADER_SIZE) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (value[i] != MAGIC[i]) {
                return false;
            }
        }
        int encoding = value[ENCODING_AT] & 0xff;
        return encoding == SPARSE || (encoding == DENSE && value.length == DENSE_SIZE);
    }

    /** Returns a new HLL with every register zero: sparse, cached cardinality 0 and valid. */
    static HllSketch empty() {
        byte[] ops = SparseEncoding.allZero();
        byte[] value = new byte[HEADER_SIZE + ops.length];
        System.arraycopy(MAGIC, 0, value, 0, MAGIC.length);
        value[ENCODING_AT] = SPARSE;
        System.arraycopy(ops, 0, value, HEADER_SIZE, ops.length);
        return new HllSketch(value, value.length);
    }

    /** Returns a working copy of a value that passed {@link #isValid}. */
    static HllSketch copyOf(byte[] value) {
        return new HllSketch(value.clone(), value.length);
    }

    /** Returns the value as it is to be stored. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    boolean isSparse() {
        return bytes[ENCODING_AT] == SPARSE;
    }

    /**
     * Adds an element: hashes it with MurmurHash64A, takes the low 14 bits as the register and the position of the
     * lowest set bit of the rest (counted from 1, at most 51) as the candidate value.
     *
     * @return whether a register changed
     * @throws InvalidHllException if the sparse registers cannot be decoded
     */
    boolean add(byte[] element) {
        long hash = MurmurHash64A.hash(element, MurmurHash64A.HLL_SEED);
        int index = (int) (hash & (REGISTERS - 1));
        long rest = (hash >>> PRECISION) | (1L << Q);
        return raise(index, Long.numberOfTrailingZeros(rest) + 1);
    }

    /**
     * Raises register {@code index} to {@code count} if it is lower, converting a sparse HLL to dense when the sparse
     * encoding cannot hold the result.
     *
     * @return whether the register changed
     * @throws InvalidHllException if the sparse registers cannot be decoded
     */
    boolean raise(int index, int count) {
        if (!isSparse()) {
            return DenseRegisters.raise(bytes, HEADER_SIZE, index, count);
        }
        int result = SparseEncoding.set(this, index, count);
        if (result != SparseEncoding.NEEDS_DENSE) {
            return result == SparseEncoding.UPDATED;
        }
        convertToDense();
        return DenseRegisters.raise(bytes, HEADER_SIZE, index, count);
    }

    /**
     * Converts a sparse HLL to the dense encoding, keeping the header's other bytes (the cached cardinality included).
     *
     * @return true if it was sparse, false if it was dense already
     * @throws InvalidHllException if the sparse registers cannot be decoded (the sketch is left unchanged)
     */
    boolean convertToDense() {
        if (!isSparse()) {
            return false;
        }
        byte[] dense = new byte[DENSE_SIZE];
        System.arraycopy(bytes, 0, dense, 0, HEADER_SIZE);
        dense[ENCODING_AT] = DENSE;
        SparseEncoding.forEachRun(bytes, length, (first, run, value) -> {
            for (int i = first; i < first + run; i++) {
                DenseRegisters.set(dense, HEADER_SIZE, i, value);
            }
        });
        bytes = dense;
        length = DENSE_SIZE;
        return true;
    }

    /**
     * Raises each {@code max[i]} to register {@code i} where that is higher (PFMERGE, multi-key PFCOUNT).
     *
     * @throws InvalidHllException if the sparse registers cannot be decoded
     */
    void raiseToRegisters(byte[] max) {
        if (!isSparse()) {
            for (int i = 0; i < REGISTERS; i++) {
                max[i] = (byte) Math.max(max[i], DenseRegisters.get(bytes, HEADER_SIZE, i));
            }
            return;
        }
        SparseEncoding.forEachRun(bytes, length, (first, run, value) -> {
            for (int i = first; i < first + run; i++) {
                max[i] = (byte) Math.max(max[i], value);
            }
        });
    }

    /** Returns the value of every register, converting nothing. */
    int[] registers() {
        int[] registers = new int[REGISTERS];
        if (isSparse()) {
            SparseEncoding.forEachRun(
                    bytes, length, (first, run, value) -> Arrays.fill(registers, first, first + run, value));
        } else {
            for (int i = 0; i < REGISTERS; i++) {
                registers[i] = DenseRegisters.get(bytes, HEADER_SIZE, i);
            }
        }
        return registers;
    }

    /**
     * Estimates the cardinality from the registers (ignoring the cache).
     *
     * @throws InvalidHllException if the sparse registers cannot be decoded
     */
    long estimate() {
        int[] histogram;
        if (isSparse()) {
            histogram = SparseEncoding.histogram(bytes, length);
        } else {
            histogram = new int[64];
            for (int i = 0; i < REGISTERS; i++) {
                histogram[DenseRegisters.get(bytes, HEADER_SIZE, i)]++;
            }
        }
        return CardinalityEstimator.estimate(histogram);
    }

    /** Whether the header's cached cardinality is current. */
    boolean hasValidCache() {
        return (bytes[CARDINALITY_AT + 7] & STALE_BIT) == 0;
    }

    /** Returns the cached cardinality; meaningful only if {@link #hasValidCache()}. */
    long cachedCardinality() {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[CARDINALITY_AT + i] & 0xffL);
        }
        return value;
    }

    /** Stores a freshly computed cardinality in the header, which marks the cache current. */
    void cacheCardinality(long cardinality) {
        for (int i = 0; i < 8; i++) {
            bytes[CARDINALITY_AT + i] = (byte) (cardinality >>> (8 * i));
        }
    }

    /** Marks the cached cardinality stale, as every register change does. */
    void invalidateCache() {
        bytes[CARDINALITY_AT + 7] |= (byte) STALE_BIT;
    }

    /** Describes the sparse opcodes (PFDEBUG DECODE); the caller checks that the sketch is sparse. */
    String describeSparse() {
        return SparseEncoding.decode(bytes, length);
    }

    /** The live buffer, for {@link SparseEncoding}; valid up to {@link #length()}. */
    byte[] buffer() {
        return bytes;
    }

    /** The length of the value in {@link #buffer()}. */
    int length() {
        return length;
    }

    /** Sets the length, growing the buffer if needed; bytes past the old length are undefined. */
    void resize(int newLength) {
        if (newLength > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(newLength, bytes.length + 64));
        }
        length = newLength;
    }
}

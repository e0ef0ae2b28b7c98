package io.slotwise.sim.data.hyperloglog;

import java.util.Arrays;

/**
 * The sparse encoding: after the header, a run-length sequence of opcodes covering all 2<sup>14</sup> registers in
 * order. {@code ZERO} ({@code 00xxxxxx}) is a run of 1 to 64 zero registers, {@code XZERO} ({@code 01xxxxxx
 * yyyyyyyy}) a run of 1 to 16384 zero registers, and {@code VAL} ({@code 1vvvvvxx}) a run of 1 to 4 registers that all
 * hold the value 1 to 32. Writing a register splits the opcode that covers it into at most three and then merges
 * adjacent equal {@code VAL} runs, exactly as Redis does, so the bytes stay identical to a real node's. Stateless.
 */
final class SparseEncoding {
    /** {@link #set} left the registers as they were. */
    static final int UNCHANGED = 0;

    /** {@link #set} raised the register. */
    static final int UPDATED = 1;

    /** {@link #set} cannot write the value in the sparse encoding: convert to dense and write it there. */
    static final int NEEDS_DENSE = 2;

    static final int VAL_MAX_VALUE = 32;
    private static final int VAL_MAX_LEN = 4;
    private static final int ZERO_MAX_LEN = 64;
    private static final int XZERO_MAX_LEN = 16384;

    /** How many opcodes from the one before the change the merge pass looks at, as Redis. */
    private static final int MERGE_SCAN = 5;

    private SparseEncoding() {}

    static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    static boolean isXZero(int op) {
        return (op & 0xc0) == 0x40;
    }

    static boolean isVal(int op) {
        return (op & 0x80) != 0;
    }

    static int zeroLength(int op) {
        return (op & 0x3f) + 1;
    }

    static int xzeroLength(int op, int next) {
        return (((op & 0x3f) << 8) | next) + 1;
    }

    static int valValue(int op) {
        return ((op >>> 2) & 0x1f) + 1;
    }

    static int valLength(int op) {
        return (op & 0x3) + 1;
    }

    static byte val(int value, int length) {
        return (byte) ((((value - 1) << 2) | (length - 1)) | 0x80);
    }

    /** Writes the opcodes of the registers all zero to {@code out} from {@code at}; returns the position after. */
    static int writeZeros(byte[] out, int at, int length) {
        if (length > ZERO_MAX_LEN) {
            out[at] = (byte) (((length - 1) >>> 8) | 0x40);
            out[at + 1] = (byte) (length - 1);
            return at + 2;
        }
        out[at] = (byte) (length - 1);
        return at + 1;
    }

    /** Returns the opcodes of an HLL whose registers are all zero. */
    static byte[] allZero() {
        byte[] ops = new byte[2 * ((HllSketch.REGISTERS + XZERO_MAX_LEN - 1) / XZERO_MAX_LEN)];
        int at = 0;
        for (int left = HllSketch.REGISTERS; left > 0; left -= XZERO_MAX_LEN) {
            int run = Math.min(left, XZERO_MAX_LEN);
            ops[at] = (byte) (((run - 1) >>> 8) | 0x40);
            ops[at + 1] = (byte) (run - 1);
            at += 2;
        }
        return ops;
    }

    /**
     * Raises register {@code index} to {@code count} in the sparse HLL of {@code sketch}.
     *
     * @return {@link #UNCHANGED}, {@link #UPDATED}, or {@link #NEEDS_DENSE} when the value exceeds 32 or the result
     *     would grow past {@link HllSketch#SPARSE_MAX_BYTES} (nothing was changed then)
     * @throws InvalidHllException if no opcode covers the register
     */
    static int set(HllSketch sketch, int index, int count) {
        if (count > VAL_MAX_VALUE) {
            return NEEDS_DENSE;
        }
        byte[] b = sketch.buffer();
        int end = sketch.length();
        int p = HllSketch.HEADER_SIZE;
        int prev = -1;
        int first = 0;
        int span = 0;
        while (p < end) {
            int op = b[p] & 0xff;
            int opLength = 1;
            if (isZero(op)) {
                span = zeroLength(op);
            } else if (isVal(op)) {
                span = valLength(op);
            } else {
                span = xzeroLength(op, byteAt(b, p + 1, end));
                opLength = 2;
            }
            if (index <= first + span - 1) {
                break;
            }
            prev = p;
            p += opLength;
            first += span;
        }
        if (span == 0 || p >= end) {
            throw new InvalidHllException();
        }
        int op = b[p] & 0xff;
        int next = p + (isXZero(op) ? 2 : 1);
        boolean zero = isZero(op);
        boolean xzero = isXZero(op);
        int runLength = zero ? zeroLength(op) : xzero ? xzeroLength(op, byteAt(b, p + 1, end)) : valLength(op);
        if (!zero && !xzero) {
            if (valValue(op) >= count) {
                return UNCHANGED;
            }
            if (runLength == 1) {
                b[p] = val(count, 1);
                mergeAdjacentValues(sketch, prev);
                return UPDATED;
            }
        }
        if (zero && runLength == 1) {
            b[p] = val(count, 1);
            mergeAdjacentValues(sketch, prev);
            return UPDATED;
        }
        byte[] sequence = split(op, zero || xzero, first, first + span - 1, index, count);
        int oldLength = xzero ? 2 : 1;
        int delta = sequence.length - oldLength;
        if (delta > 0 && end + delta > HllSketch.SPARSE_MAX_BYTES) {
            return NEEDS_DENSE;
        }
        sketch.resize(end + delta);
        b = sketch.buffer();
        if (delta != 0 && next < end) {
            System.arraycopy(b, next, b, next + delta, end - next);
        }
        System.arraycopy(sequence, 0, b, p, sequence.length);
        mergeAdjacentValues(sketch, prev);
        return UPDATED;
    }

    /** The opcodes that replace a run from {@code first} to {@code last} when {@code index} becomes {@code count}. */
    private static byte[] split(int op, boolean zeros, int first, int last, int index, int count) {
        byte[] sequence = new byte[5];
        int n = 0;
        if (zeros) {
            if (index != first) {
                n = writeZeros(sequence, n, index - first);
            }
            sequence[n++] = val(count, 1);
            if (index != last) {
                n = writeZeros(sequence, n, last - index);
            }
        } else {
            int current = valValue(op);
            if (index != first) {
                sequence[n++] = val(current, index - first);
            }
            sequence[n++] = val(count, 1);
            if (index != last) {
                sequence[n++] = val(current, last - index);
            }
        }
        return Arrays.copyOf(sequence, n);
    }

    /** Joins adjacent {@code VAL} opcodes of equal value near a change while their run fits one opcode. */
    private static void mergeAdjacentValues(HllSketch sketch, int prev) {
        byte[] b = sketch.buffer();
        int end = sketch.length();
        int p = prev >= 0 ? prev : HllSketch.HEADER_SIZE;
        int scan = MERGE_SCAN;
        while (p < end && scan-- > 0) {
            int op = b[p] & 0xff;
            if (isXZero(op)) {
                p += 2;
                continue;
            }
            if (isZero(op)) {
                p++;
                continue;
            }
            if (p + 1 < end && isVal(b[p + 1] & 0xff)) {
                int nextOp = b[p + 1] & 0xff;
                int length = valLength(op) + valLength(nextOp);
                if (valValue(op) == valValue(nextOp) && length <= VAL_MAX_LEN) {
                    b[p + 1] = val(valValue(op), length);
                    System.arraycopy(b, p + 1, b, p, end - p - 1);
                    end--;
                    sketch.resize(end);
                    continue;
                }
            }
            p++;
        }
    }

    /**
     * Walks the runs of non-zero registers in register order, stopping at a run that would pass the last register.
     *
     * @throws InvalidHllException if the runs do not cover exactly all registers
     */
    static void forEachRun(byte[] b, int end, RunVisitor visitor) {
        int p = HllSketch.HEADER_SIZE;
        int index = 0;
        while (p < end) {
            int op = b[p] & 0xff;
            if (isZero(op)) {
                index += zeroLength(op);
                p++;
            } else if (isXZero(op)) {
                index += xzeroLength(op, byteAt(b, p + 1, end));
                p += 2;
            } else {
                int run = valLength(op);
                if (index + run > HllSketch.REGISTERS) {
                    break;
                }
                visitor.run(index, run, valValue(op));
                index += run;
                p++;
            }
        }
        if (index != HllSketch.REGISTERS) {
            throw new InvalidHllException();
        }
    }

    /** Receives the non-zero runs of a sparse HLL in register order. */
    @FunctionalInterface
    interface RunVisitor {
        /** Registers {@code first} to {@code first + length - 1} hold {@code value}. */
        void run(int first, int length, int value);
    }

    /**
     * Counts registers by value, as Redis's sparse histogram: runs are counted even past the last register.
     *
     * @throws InvalidHllException if the runs do not cover exactly all registers
     */
    static int[] histogram(byte[] b, int end) {
        int[] histogram = new int[64];
        int p = HllSketch.HEADER_SIZE;
        int index = 0;
        while (p < end) {
            int op = b[p] & 0xff;
            if (isZero(op)) {
                index += zeroLength(op);
                histogram[0] += zeroLength(op);
                p++;
            } else if (isXZero(op)) {
                int run = xzeroLength(op, byteAt(b, p + 1, end));
                index += run;
                histogram[0] += run;
                p += 2;
            } else {
                index += valLength(op);
                histogram[valValue(op)] += valLength(op);
                p++;
            }
        }
        if (index != HllSketch.REGISTERS) {
            throw new InvalidHllException();
        }
        return histogram;
    }

    /** Describes the opcodes as PFDEBUG DECODE does: {@code z:len}, {@code Z:len} and {@code v:value,len}. */
    static String decode(byte[] b, int end) {
        StringBuilder text = new StringBuilder();
        int p = HllSketch.HEADER_SIZE;
        while (p < end) {
            int op = b[p] & 0xff;
            if (text.length() > 0) {
                text.append(' ');
            }
            if (isZero(op)) {
                text.append("z:").append(zeroLength(op));
                p++;
            } else if (isXZero(op)) {
                text.append("Z:").append(xzeroLength(op, byteAt(b, p + 1, end)));
                p += 2;
            } else {
                text.append("v:").append(valValue(op)).append(',').append(valLength(op));
                p++;
            }
        }
        return text.toString();
    }

    /** A byte of the value, or 0 past its end (where Redis reads the string's terminating NUL). */
    private static int byteAt(byte[] b, int at, int end) {
        return at < end ? b[at] & 0xff : 0;
    }
}

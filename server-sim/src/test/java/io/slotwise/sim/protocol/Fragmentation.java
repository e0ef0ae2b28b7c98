package io.slotwise.sim.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Ways of cutting a byte stream into the reads a server might see: whole, one byte at a time, random fragments. */
record Fragmentation(String name, Function<byte[], List<byte[]>> cut) {

    static final Fragmentation WHOLE = new Fragmentation("whole", input -> List.of(input));

    static final Fragmentation BYTE_BY_BYTE = new Fragmentation("byte by byte", input -> {
        List<byte[]> chunks = new ArrayList<>(input.length);
        for (byte b : input) {
            chunks.add(new byte[] {b});
        }
        return chunks;
    });

    /** Whole, byte by byte, and random fragments from three fixed seeds (fixed so that a failure can be replayed). */
    static List<Fragmentation> all() {
        return List.of(WHOLE, BYTE_BY_BYTE, random(1), random(42), random(20260101));
    }

    static Fragmentation random(long seed) {
        return new Fragmentation("random fragments (seed " + seed + ")", input -> {
            Random random = new Random(seed);
            List<byte[]> chunks = new ArrayList<>();
            int at = 0;
            while (at < input.length) {
                int size = 1 + random.nextInt(Math.min(input.length - at, 1 + random.nextInt(12)));
                chunks.add(Arrays.copyOfRange(input, at, at + size));
                at += size;
            }
            return chunks;
        });
    }

    List<byte[]> apply(byte[] input) {
        return cut.apply(input);
    }

    @Override
    public String toString() {
        return name;
    }
}

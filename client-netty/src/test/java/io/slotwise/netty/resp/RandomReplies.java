package io.slotwise.netty.resp;

import io.slotwise.resp.RespValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates random reply trees of every type, for round-trip and fuzz tests. Deterministic for a given seed. */
final class RandomReplies {

    private final Random random;
    private final int largeBulkLength;

    /**
     * @param random the source of randomness
     * @param largeBulkLength the length of the occasional large bulk string (one bulk in eight may be up to this long)
     */
    RandomReplies(Random random, int largeBulkLength) {
        this.random = random;
        this.largeBulkLength = largeBulkLength;
    }

    /** A random value nesting at most {@code depth} aggregates. */
    RespValue next(int depth) {
        int kinds = depth > 0 ? 15 : 10;
        return switch (random.nextInt(kinds)) {
            case 0 -> new RespValue.SimpleString(text(12));
            case 1 -> new RespValue.Error("ERR " + text(20));
            case 2 -> new RespValue.Int(random.nextLong() >> random.nextInt(64));
            case 3 -> new RespValue.Bulk(bytes(random.nextInt(8) == 0 ? largeBulkLength : 40));
            case 4 -> RespValue.Null.INSTANCE;
            case 5 -> new RespValue.Double(randomDouble());
            case 6 -> new RespValue.Boolean(random.nextBoolean());
            case 7 ->
                new RespValue.BigNumber(new BigInteger(random.nextInt(200) + 1, random)
                        .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
            case 8 -> new RespValue.Verbatim(random.nextBoolean() ? "txt" : "mkd", text(30) + "\r\n" + text(5));
            case 9 -> new RespValue.Error("ERR multi\r\nline " + text(5));
            case 10 -> new RespValue.Array(elements(depth - 1));
            case 11 -> new RespValue.Set(elements(depth - 1));
            case 12 -> map(depth - 1);
            case 13 -> new RespValue.Push("message", elements(depth - 1));
            default -> new RespValue.Attributed(map(depth - 1), next(depth - 1));
        };
    }

    private RespValue.Map map(int depth) {
        List<RespValue.Map.Entry> entries = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            entries.add(new RespValue.Map.Entry(next(depth), next(depth)));
        }
        return new RespValue.Map(entries);
    }

    private List<RespValue> elements(int depth) {
        List<RespValue> elements = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            elements.add(next(depth));
        }
        return elements;
    }

    private double randomDouble() {
        return switch (random.nextInt(6)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            case 3 -> random.nextInt(1000) - 500;
            case 4 ->
                Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
            default -> random.nextGaussian();
        };
    }

    private String text(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    private byte[] bytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }
}

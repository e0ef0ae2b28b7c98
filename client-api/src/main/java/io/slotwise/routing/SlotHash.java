package io.slotwise.routing;

import java.nio.charset.StandardCharsets;

/**
 * Maps keys to Redis Cluster hash slots exactly as a Redis 7 node does: {@code CRC16-XMODEM(key) & 16383}, computed over
 * the key's bytes, honouring hash tags.
 *
 * <p>The hash-tag rule: if the key contains a <code>{</code>, and a <code>}</code> follows it, and at least one byte
 * lies between the first <code>{</code> and the first <code>}</code> after it, only those bytes are hashed. Otherwise
 * the whole key is hashed. So <code>foo{}{bar}</code> hashes the whole key, <code>foo{{bar}}zap</code> hashes
 * <code>{bar</code> and <code>foo{bar}{zap}</code> hashes <code>bar</code>.
 *
 * <p>Pure, allocation-free for {@code byte[]} keys and thread-safe.
 */
public final class SlotHash {

    /** The number of hash slots in a Redis Cluster. */
    public static final int SLOT_COUNT = 16384;

    private static final int SLOT_MASK = SLOT_COUNT - 1;

    /** CRC16-XMODEM (polynomial 0x1021, initial value 0, no reflection), one entry per byte value. */
    private static final int[] CRC16_TABLE = crc16Table();

    private SlotHash() {}

    /**
     * Returns the hash slot of a key given as bytes.
     *
     * @param key the key, never {@code null}; may be empty
     * @return the slot, in {@code [0, 16383]}
     */
    public static int slot(byte[] key) {
        int start = 0;
        int end = key.length;
        int open = indexOf(key, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(key, (byte) '}', open + 1);
            if (close > open + 1) {
                start = open + 1;
                end = close;
            }
        }
        return crc16(key, start, end) & SLOT_MASK;
    }

    /**
     * Returns the hash slot of a key given as a string, encoded as UTF-8 (as every Redis client sends text keys).
     *
     * @param key the key, never {@code null}
     * @return the slot, in {@code [0, 16383]}
     */
    public static int slot(String key) {
        return slot(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Computes CRC16-XMODEM over {@code bytes[from, to)}.
     *
     * @param bytes the input
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the 16-bit checksum, in {@code [0, 65535]}
     */
    public static int crc16(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ CRC16_TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    private static int indexOf(byte[] bytes, byte target, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }

    private static int[] crc16Table() {
        int[] table = new int[256];
        for (int value = 0; value < 256; value++) {
            int crc = value << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            table[value] = crc & 0xFFFF;
        }
        return table;
    }
}

package io.slotwise.codec;

/**
 * Turns application keys and values into the bytes Redis stores, and back. Slots are always computed from the encoded
 * key bytes, so a codec decides which keys share a slot only through the bytes it produces.
 *
 * <p>Implementations must be thread-safe and must not return {@code null} from the encode methods.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface RedisCodec<K, V> {

    /**
     * Encodes a key.
     *
     * @param key the key, never {@code null}
     * @return its bytes; the caller does not modify them
     */
    byte[] encodeKey(K key);

    /**
     * Decodes a key, for commands that return keys (KEYS, SCAN, RANDOMKEY).
     *
     * @param bytes the key's bytes
     * @return the key
     */
    K decodeKey(byte[] bytes);

    /**
     * Encodes a value.
     *
     * @param value the value, never {@code null}
     * @return its bytes; the caller does not modify them
     */
    byte[] encodeValue(V value);

    /**
     * Decodes a value.
     *
     * @param bytes the value's bytes
     * @return the value
     */
    V decodeValue(byte[] bytes);

    /** Text keys and values, encoded as UTF-8. */
    static RedisCodec<String, String> utf8() {
        return StringCodec.UTF8;
    }

    /** Raw byte-array keys and values, passed through unchanged (not copied). */
    static RedisCodec<byte[], byte[]> bytes() {
        return ByteArrayCodec.INSTANCE;
    }
}

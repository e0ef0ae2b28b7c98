package io.slotwise.codec;

/** Byte-array keys and values, passed through unchanged. */
enum ByteArrayCodec implements RedisCodec<byte[], byte[]> {
    INSTANCE;

    @Override
    public byte[] encodeKey(byte[] key) {
        return key;
    }

    @Override
    public byte[] decodeKey(byte[] bytes) {
        return bytes;
    }

    @Override
    public byte[] encodeValue(byte[] value) {
        return value;
    }

    @Override
    public byte[] decodeValue(byte[] bytes) {
        return bytes;
    }
}

package io.slotwise.codec;

import java.nio.charset.StandardCharsets;

/** UTF-8 text keys and values. */
enum StringCodec implements RedisCodec<String, String> {
    UTF8;

    @Override
    public byte[] encodeKey(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decodeKey(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encodeValue(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decodeValue(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

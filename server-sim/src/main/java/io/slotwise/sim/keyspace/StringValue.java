package io.slotwise.sim.keyspace;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An immutable binary-safe string value. Commands that change a string ({@code APPEND}, {@code INCR}, {@code
 * SETRANGE}) build a new instance and store it with {@link Keyspace#setKeepTtl(Key, Value)}. Thread-safe.
 */
public final class StringValue implements Value {
    private final Bytes content;

    private StringValue(Bytes content) {
        this.content = content;
    }

    /** Returns a string value holding a copy of {@code content}. */
    public static StringValue of(byte[] content) {
        return new StringValue(Bytes.of(content));
    }

    /** Returns a string value holding {@code content}. */
    public static StringValue of(Bytes content) {
        return new StringValue(content);
    }

    /** Returns a string value holding the UTF-8 encoding of {@code text} (e.g. the decimal form of a number). */
    public static StringValue of(String text) {
        return new StringValue(Bytes.wrapOwned(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the content. */
    public Bytes bytes() {
        return content;
    }

    /** Returns the length in bytes ({@code STRLEN}). */
    public int length() {
        return content.length();
    }

    /** Returns a copy of the content. */
    public byte[] toByteArray() {
        return content.toByteArray();
    }

    /** Returns a read-only view of the content, without copying. */
    public ByteBuffer asReadOnlyBuffer() {
        return content.asReadOnlyBuffer();
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    /** Returns this instance: strings are immutable. */
    @Override
    public StringValue copy() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StringValue && content.equals(((StringValue) other).content);
    }

    @Override
    public int hashCode() {
        return content.hashCode();
    }

    @Override
    public String toString() {
        return "string(" + content.length() + " bytes)";
    }
}

package io.slotwise.sim.keyspace;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable key of the keyspace: a binary string compared by content, with its cluster hash slot computed once.
 *
 * <p>The natural order is unsigned lexicographic (memcmp). Instances are immutable and safe to share between threads.
 */
public final class Key implements Comparable<Key> {
    private final byte[] name;
    private final int hash;
    private final int slot;

    private Key(byte[] name) {
        this.name = name;
        this.hash = Bytes.hashOf(name);
        this.slot = KeySlot.of(name);
    }

    /** Returns the key named by a copy of {@code name}. */
    public static Key of(byte[] name) {
        return new Key(name.clone());
    }

    /** Returns the key named by the UTF-8 encoding of {@code name}; a convenience for tests. */
    public static Key of(String name) {
        return new Key(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the hash slot (0..16383) of this key, honouring hash tags; see {@link KeySlot}. */
    public int slot() {
        return slot;
    }

    /** Returns the number of bytes in the name. */
    public int length() {
        return name.length;
    }

    /** Returns a copy of the name. */
    public byte[] toByteArray() {
        return name.clone();
    }

    /** Returns a read-only view of the name, without copying. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(name).asReadOnlyBuffer();
    }

    /** The name itself, for code in this package that promises not to modify it. */
    byte[] array() {
        return name;
    }

    @Override
    public int compareTo(Key other) {
        return Arrays.compareUnsigned(name, other.name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Key && hash == ((Key) other).hash && Arrays.equals(name, ((Key) other).name);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Returns the name with non-printable bytes escaped as {@code \xHH}, truncated when long. */
    @Override
    public String toString() {
        return Printable.of(name);
    }
}

package io.slotwise.sim.keyspace;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * An immutable binary string: a hash field, a hash value, a list element, a set member or a sorted-set member.
 *
 * <p>Equality and {@link #hashCode()} follow the content. The natural order is Redis's member order: unsigned
 * lexicographic byte comparison (memcmp), shorter first on a common prefix. Instances are immutable and therefore safe to
 * share between threads, although the collections holding them are not.
 */
public final class Bytes implements Comparable<Bytes> {
    /** The empty string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    /**
     * The order used for cursor scans and random picks over hash-ordered collections: by unsigned {@link #hashCode()},
     * then by content. It depends on content only, so equal collections iterate identically on every node.
     */
    static final Comparator<Bytes> SCAN_ORDER = (a, b) -> {
        int byHash = Integer.compareUnsigned(a.hash, b.hash);
        return byHash != 0 ? byHash : a.compareTo(b);
    };

    private final byte[] content;
    private final int hash;

    private Bytes(byte[] content) {
        this.content = content;
        this.hash = hashOf(content);
    }

    private Bytes(int hash) {
        this.content = new byte[0];
        this.hash = hash;
    }

    /** Returns a binary string holding a copy of {@code content}. */
    public static Bytes of(byte[] content) {
        return content.length == 0 ? EMPTY : new Bytes(content.clone());
    }

    /** Returns the UTF-8 encoding of {@code text}; a convenience for tests and fixed replies. */
    public static Bytes of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Wraps an array this package created and will never modify again. */
    static Bytes wrapOwned(byte[] content) {
        return content.length == 0 ? EMPTY : new Bytes(content);
    }

    /**
     * A search probe for {@link #SCAN_ORDER}: it sorts before every real string with the same hash and after every
     * string with a smaller one. Probes are never stored.
     */
    static Bytes scanProbe(int hash) {
        return new Bytes(hash);
    }

    /** Returns the number of bytes. */
    public int length() {
        return content.length;
    }

    /** Returns a copy of the content. */
    public byte[] toByteArray() {
        return content.clone();
    }

    /** Returns a read-only view of the content, without copying. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(content).asReadOnlyBuffer();
    }

    /** The content itself, for code in this package that promises not to modify it. */
    byte[] array() {
        return content;
    }

    /** Returns the content decoded as UTF-8 (malformed input replaced); meant for numbers and diagnostics. */
    public String toUtf8() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(content, other.content);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes
                && hash == ((Bytes) other).hash
                && Arrays.equals(content, ((Bytes) other).content);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Returns the content with non-printable bytes escaped as {@code \xHH}, truncated when long. */
    @Override
    public String toString() {
        return Printable.of(content);
    }

    /** A well-mixed 32-bit hash of the content: FNV-1a followed by the murmur3 finaliser. */
    static int hashOf(byte[] bytes) {
        int h = 0x811C9DC5;
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        h ^= bytes.length;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}

package io.slotwise.netty.caching;

import java.util.Arrays;

/**
 * A key's bytes as a map key: equality by content, hash computed once. The array is not copied; nobody may modify it.
 */
final class KeyBytes {

    private final byte[] bytes;
    private final int hash;

    KeyBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyBytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Shows the length only: keys may be sensitive. */
    @Override
    public String toString() {
        return "KeyBytes[" + bytes.length + " bytes]";
    }
}

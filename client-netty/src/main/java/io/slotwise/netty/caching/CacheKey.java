package io.slotwise.netty.caching;

import java.util.Arrays;
import java.util.List;

/**
 * What a cached reply answers: a command's complete argument list (name included), compared by content, hash computed
 * once. The arrays are not copied; a {@link io.slotwise.command.Command}'s arguments never change.
 */
final class CacheKey {

    private final List<byte[]> args;
    private final int hash;

    CacheKey(List<byte[]> args) {
        this.args = args;
        int h = 1;
        for (byte[] arg : args) {
            h = 31 * h + Arrays.hashCode(arg);
        }
        this.hash = h;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CacheKey that) || hash != that.hash || args.size() != that.args.size()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            if (!Arrays.equals(args.get(i), that.args.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Shows the argument count only: arguments may be sensitive. */
    @Override
    public String toString() {
        return "CacheKey[" + args.size() + " args]";
    }
}

package io.slotwise.sim.keyspace;

import java.util.TreeSet;

/**
 * The keys that have a time to live, ordered by expiry time, so the active expiry cycle finds every expired key by
 * looking only at the front: exact and deterministic rather than sampled. Not thread-safe.
 */
final class ExpiryIndex {
    private final TreeSet<KeyEntry> byExpiry = new TreeSet<>(KeyEntry.BY_EXPIRY);

    int size() {
        return byExpiry.size();
    }

    /** Gives {@code entry} the absolute expiry time {@code expireAt}, replacing any previous one. */
    void set(KeyEntry entry, long expireAt) {
        clear(entry);
        entry.expireAt = expireAt;
        byExpiry.add(entry);
    }

    /** Removes the expiry of {@code entry}, if any. */
    void clear(KeyEntry entry) {
        if (entry.hasExpiry()) {
            byExpiry.remove(entry);
            entry.expireAt = KeyEntry.NO_EXPIRY;
        }
    }

    /** Returns the entry that expires first if it has expired at {@code nowMillis}, otherwise {@code null}. */
    KeyEntry firstExpired(long nowMillis) {
        if (byExpiry.isEmpty()) {
            return null;
        }
        KeyEntry first = byExpiry.first();
        return first.isExpiredAt(nowMillis) ? first : null;
    }

    void clearAll() {
        byExpiry.clear();
    }
}

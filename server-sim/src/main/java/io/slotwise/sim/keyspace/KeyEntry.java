package io.slotwise.sim.keyspace;

import java.util.Comparator;

/** The keyspace's record for one key: its value, its expiry and its unique insertion sequence number. */
final class KeyEntry {
    /** The value of {@link #expireAt} for a key without a time to live. */
    static final long NO_EXPIRY = Long.MIN_VALUE;

    /** Orders entries by insertion, oldest first. */
    static final Comparator<KeyEntry> BY_SEQUENCE = (a, b) -> Long.compare(a.sequence, b.sequence);

    /** Orders entries by expiry time, then by insertion; only entries with an expiry are compared. */
    static final Comparator<KeyEntry> BY_EXPIRY = (a, b) -> {
        int byTime = Long.compare(a.expireAt, b.expireAt);
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    };

    final Key key;
    final long sequence;
    Value value;
    long expireAt = NO_EXPIRY;

    KeyEntry(Key key, long sequence, Value value) {
        this.key = key;
        this.sequence = sequence;
        this.value = value;
    }

    /** A search probe that sorts before every entry inserted at or after {@code sequence}; never stored. */
    static KeyEntry sequenceProbe(long sequence) {
        return new KeyEntry(null, sequence, null);
    }

    boolean hasExpiry() {
        return expireAt != NO_EXPIRY;
    }

    /** Redis treats a key as expired once the clock is strictly past its expiry time. */
    boolean isExpiredAt(long nowMillis) {
        return expireAt != NO_EXPIRY && nowMillis > expireAt;
    }
}

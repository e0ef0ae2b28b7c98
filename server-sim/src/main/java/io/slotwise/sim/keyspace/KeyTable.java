package io.slotwise.sim.keyspace;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The storage behind {@link Keyspace}: the key-to-entry map with its slot and expiry indexes, kept consistent by
 * funnelling every insertion and removal through {@link #create} and {@link #unlink}, plus lazy expiry and change
 * notification. Redis's command semantics live in {@link Keyspace}; this class only keeps the books. Not thread-safe.
 */
final class KeyTable {
    private final LongSupplier clock;
    private final List<KeyspaceListener> listeners = new CopyOnWriteArrayList<>();
    private final SlotIndex slots = new SlotIndex();
    private final ExpiryIndex expiries = new ExpiryIndex();
    private Map<Key, KeyEntry> entries = new HashMap<>();
    private long nextSequence = 1;
    private long modificationCount;

    KeyTable(LongSupplier clock) {
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    SlotIndex slots() {
        return slots;
    }

    int size() {
        return entries.size();
    }

    int expiringCount() {
        return expiries.size();
    }

    long modificationCount() {
        return modificationCount;
    }

    void addListener(KeyspaceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(KeyspaceListener listener) {
        listeners.remove(listener);
    }

    /** Returns the live entry for {@code key}, first removing it (reported as expired) if its time has passed. */
    KeyEntry lookup(Key key) {
        KeyEntry entry = entries.get(key);
        if (entry != null && entry.isExpiredAt(now())) {
            remove(entry, KeyChange.EXPIRED);
            return null;
        }
        return entry;
    }

    /** Returns the entry for {@code key} without checking expiry. */
    KeyEntry peek(Key key) {
        return entries.get(key);
    }

    /** Puts {@code value} at {@code key}, reusing the entry (so the TTL and scan position) of a live key. */
    KeyEntry store(Key key, Value value) {
        Objects.requireNonNull(value, "value");
        KeyEntry entry = lookup(key);
        if (entry == null) {
            return create(key, value);
        }
        entry.value = value;
        return entry;
    }

    /** Adds a new entry; {@code key} must not be present. Reports nothing. */
    KeyEntry create(Key key, Value value) {
        if (nextSequence > SlotIndex.MAX_SEQUENCE) {
            throw new IllegalStateException("key sequence numbers exhausted");
        }
        KeyEntry entry = new KeyEntry(key, nextSequence++, Objects.requireNonNull(value, "value"));
        entries.put(key, entry);
        slots.add(entry);
        return entry;
    }

    /** Removes {@code entry} from every index and reports {@code change}. */
    void remove(KeyEntry entry, KeyChange change) {
        unlink(entry);
        changed(entry.key, change);
    }

    /** Removes {@code entry} from every index without reporting. */
    void unlink(KeyEntry entry) {
        entries.remove(entry.key);
        slots.remove(entry);
        expiries.clear(entry);
    }

    void setExpiry(KeyEntry entry, long expireAtMillis) {
        expiries.set(entry, expireAtMillis);
    }

    void clearExpiry(KeyEntry entry) {
        expiries.clear(entry);
    }

    /** Returns the earliest-expiring entry if it has expired, otherwise {@code null}. */
    KeyEntry firstExpired() {
        return expiries.firstExpired(now());
    }

    void changed(Key key, KeyChange change) {
        modificationCount++;
        for (KeyspaceListener listener : listeners) {
            listener.keyChanged(key, change);
        }
    }

    int flush() {
        Map<Key, KeyEntry> removed = entries;
        entries = new HashMap<>();
        slots.clear();
        expiries.clearAll();
        modificationCount++;
        Set<Key> removedKeys = Collections.unmodifiableSet(removed.keySet());
        for (KeyspaceListener listener : listeners) {
            listener.keyspaceFlushed(removedKeys);
        }
        return removed.size();
    }
}

package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Database 0 of one simulated Redis cluster node: keys mapped to values, indexed by hash slot, with per-key expiry.
 *
 * <p><b>Threading.</b> Not thread-safe. A keyspace, and every value obtained from it, must be confined to one thread:
 * the node's event loop. It starts no threads and schedules nothing; the node calls {@link #activeExpireCycle}
 * periodically.
 *
 * <p><b>Expiry.</b> Times are absolute milliseconds read from the clock given at construction. A key is expired once
 * the clock is strictly past its expiry time. Every operation that addresses a key first removes it if it has expired
 * (reporting {@link KeyChange#EXPIRED}), so expired keys behave as absent; {@link #size()} and the slot counts include
 * expired keys not yet removed, as Redis's do.
 *
 * <p><b>Reading and writing.</b> Typed getters such as {@link #getHash} throw {@link WrongTypeException} for a key of
 * another type. Values returned for reading must not be modified. To modify a collection in place, obtain it with a
 * {@code getOrCreate...} method, change it, then call {@link #markModified}; that notifies listeners and removes the key
 * if the collection became empty. Strings are immutable and are replaced with {@link #set} or {@link #setKeepTtl}.
 *
 * <p><b>Notifications.</b> Every change is reported to the registered {@link KeyspaceListener}s and increments {@link
 * #modificationCount()}.
 */
public final class Keyspace {
    private final KeyTable table;
    private final RandomGenerator random;

    /**
     * Creates an empty keyspace.
     *
     * @param clockMillis the current time in milliseconds, e.g. {@code System::currentTimeMillis}; tests pass a fake
     * @param random the source of randomness for {@link #randomKey()}
     */
    public Keyspace(LongSupplier clockMillis, RandomGenerator random) {
        this.table = new KeyTable(Objects.requireNonNull(clockMillis, "clockMillis"));
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Creates an empty keyspace on the system clock with a default random generator. */
    public Keyspace() {
        this(System::currentTimeMillis, RandomGenerator.getDefault());
    }

    /** Registers {@code listener} for every subsequent change. */
    public void addListener(KeyspaceListener listener) {
        table.addListener(listener);
    }

    /** Unregisters {@code listener}; does nothing if it was not registered. */
    public void removeListener(KeyspaceListener listener) {
        table.removeListener(listener);
    }

    /** Returns a counter incremented on every change; unchanged means nothing changed (cheap WATCH check). */
    public long modificationCount() {
        return table.modificationCount();
    }

    /** Returns the keyspace clock's current time in milliseconds, to turn relative TTLs into absolute ones. */
    public long currentTimeMillis() {
        return table.now();
    }

    // ---- reading ----

    /** Returns the value at {@code key} of whatever type, or {@code null} if absent. */
    public Value get(Key key) {
        KeyEntry entry = lookup(key);
        return entry == null ? null : entry.value;
    }

    /** Returns whether {@code key} exists. */
    public boolean exists(Key key) {
        return lookup(key) != null;
    }

    /**
     * Returns whether {@code key} exists and has not expired, without side effects: an expired key is neither removed
     * nor reported, and nothing is counted or notified. For cluster redirection, which must not touch the keys it
     * examines (Redis's {@code LOOKUP_NOTOUCH | LOOKUP_NONOTIFY | LOOKUP_NOSTATS | LOOKUP_NOEXPIRE}).
     */
    public boolean existsWithoutSideEffects(Key key) {
        KeyEntry entry = table.peek(key);
        return entry != null && !entry.isExpiredAt(table.now());
    }

    /** Returns the type of the value at {@code key}, or {@code null} if absent ({@code TYPE} replies {@code none}). */
    public ValueType type(Key key) {
        KeyEntry entry = lookup(key);
        return entry == null ? null : entry.value.type();
    }

    /**
     * Returns the string at {@code key}, or {@code null} if absent.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public StringValue getString(Key key) {
        return typed(key, StringValue.class);
    }

    /**
     * Returns the hash at {@code key}, or {@code null} if absent.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public HashValue getHash(Key key) {
        return typed(key, HashValue.class);
    }

    /**
     * Returns the list at {@code key}, or {@code null} if absent.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public ListValue getList(Key key) {
        return typed(key, ListValue.class);
    }

    /**
     * Returns the set at {@code key}, or {@code null} if absent.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public SetValue getSet(Key key) {
        return typed(key, SetValue.class);
    }

    /**
     * Returns the sorted set at {@code key}, or {@code null} if absent.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public SortedSetValue getSortedSet(Key key) {
        return typed(key, SortedSetValue.class);
    }

    /**
     * Returns the stream at {@code key}, or {@code null} if absent.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public StreamValue getStream(Key key) {
        return typed(key, StreamValue.class);
    }

    // ---- writing ----

    /**
     * Returns the hash at {@code key} for modification, storing a new empty one if absent; call {@link #markModified}
     * after changing it.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public HashValue getOrCreateHash(Key key) {
        HashValue hash = getHash(key);
        return hash != null ? hash : insert(key, new HashValue());
    }

    /**
     * As {@link #getOrCreateHash}, for a list.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public ListValue getOrCreateList(Key key) {
        ListValue list = getList(key);
        return list != null ? list : insert(key, new ListValue());
    }

    /**
     * As {@link #getOrCreateHash}, for a set.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public SetValue getOrCreateSet(Key key) {
        SetValue set = getSet(key);
        return set != null ? set : insert(key, new SetValue());
    }

    /**
     * As {@link #getOrCreateHash}, for a sorted set.
     *
     * @throws WrongTypeException if the key holds another type
     */
    public SortedSetValue getOrCreateSortedSet(Key key) {
        SortedSetValue zset = getSortedSet(key);
        return zset != null ? zset : insert(key, new SortedSetValue());
    }

    /**
     * As {@link #getOrCreateHash}, for a stream (which stays even when it has no entries).
     *
     * @throws WrongTypeException if the key holds another type
     */
    public StreamValue getOrCreateStream(Key key) {
        StreamValue stream = getStream(key);
        return stream != null ? stream : insert(key, new StreamValue());
    }

    /**
     * Records that the collection at {@code key} was changed in place: removes the key if the collection is now empty
     * (reporting {@link KeyChange#DELETED}), otherwise reports {@link KeyChange#WRITTEN}. Call it only after an actual
     * change, as Redis signals only real modifications.
     *
     * @throws IllegalStateException if {@code key} does not exist
     */
    public void markModified(Key key) {
        KeyEntry entry = table.peek(key);
        if (entry == null) {
            throw new IllegalStateException("markModified on a missing key: " + key);
        }
        if (isEmptyCollection(entry.value)) {
            table.remove(entry, KeyChange.DELETED);
        } else {
            table.changed(key, KeyChange.WRITTEN);
        }
    }

    /**
     * Stores {@code value} at {@code key}, replacing any value of any type and removing any TTL ({@code SET}, {@code
     * SUNIONSTORE}, ...). As keys never hold empty collections, storing one deletes the key instead, as Redis's
     * {@code *STORE} commands do.
     */
    public void set(Key key, Value value) {
        if (isEmptyCollection(value)) {
            delete(key);
            return;
        }
        KeyEntry entry = table.store(key, value);
        table.clearExpiry(entry);
        table.changed(key, KeyChange.WRITTEN);
    }

    /**
     * Stores {@code value} at {@code key} with the absolute expiry time {@code expireAtMillis} ({@code SET PX},
     * {@code RESTORE} with a TTL). If that time is not in the future, or {@code value} is an empty collection, nothing is
     * stored and an existing key is deleted.
     */
    public void set(Key key, Value value, long expireAtMillis) {
        if (expireAtMillis <= table.now() || isEmptyCollection(value)) {
            delete(key);
            return;
        }
        KeyEntry entry = table.store(key, value);
        table.setExpiry(entry, expireAtMillis);
        table.changed(key, KeyChange.WRITTEN);
    }

    /**
     * Stores {@code value} at {@code key}, keeping the TTL of an existing key ({@code SET KEEPTTL}, {@code APPEND}); an
     * empty collection deletes the key instead.
     */
    public void setKeepTtl(Key key, Value value) {
        if (isEmptyCollection(value)) {
            delete(key);
            return;
        }
        table.store(key, value);
        table.changed(key, KeyChange.WRITTEN);
    }

    /** Deletes {@code key}; returns whether it existed ({@code DEL}, {@code UNLINK}). */
    public boolean delete(Key key) {
        KeyEntry entry = lookup(key);
        if (entry == null) {
            return false;
        }
        table.remove(entry, KeyChange.DELETED);
        return true;
    }

    /**
     * Moves the value and TTL of {@code source} to {@code target}, replacing any value there ({@code RENAME}); renaming
     * a key to itself changes nothing. Reports {@link KeyChange#RENAMED_FROM} then {@link KeyChange#RENAMED_TO}.
     *
     * @return false if {@code source} does not exist (Redis replies {@code ERR no such key})
     */
    public boolean rename(Key source, Key target) {
        KeyEntry from = lookup(source);
        if (from == null) {
            return false;
        }
        if (source.equals(target)) {
            return true;
        }
        KeyEntry replaced = lookup(target);
        if (replaced != null) {
            table.unlink(replaced);
        }
        long expireAt = from.expireAt;
        table.remove(from, KeyChange.RENAMED_FROM);
        KeyEntry to = table.create(target, from.value);
        if (expireAt != KeyEntry.NO_EXPIRY) {
            table.setExpiry(to, expireAt);
        }
        table.changed(target, KeyChange.RENAMED_TO);
        return true;
    }

    /**
     * Copies the value and TTL of {@code source} to {@code target} as an independent deep copy ({@code COPY}).
     *
     * @return false, changing nothing, if {@code source} does not exist or {@code target} exists and {@code replace} is
     *     false
     * @throws IllegalArgumentException if the keys are equal (Redis replies {@code ERR source and destination objects
     *     are the same})
     */
    public boolean copy(Key source, Key target, boolean replace) {
        if (source.equals(target)) {
            throw new IllegalArgumentException("source and destination objects are the same");
        }
        KeyEntry from = lookup(source);
        if (from == null) {
            return false;
        }
        KeyEntry existing = lookup(target);
        if (existing != null && !replace) {
            return false;
        }
        if (existing != null) {
            table.unlink(existing);
        }
        KeyEntry to = table.create(target, from.value.copy());
        if (from.hasExpiry()) {
            table.setExpiry(to, from.expireAt);
        }
        table.changed(target, KeyChange.WRITTEN);
        return true;
    }

    /** Removes every key ({@code FLUSHALL}/{@code FLUSHDB}), reporting one {@code keyspaceFlushed}; returns how many. */
    public int flush() {
        return table.flush();
    }

    // ---- expiry ----

    /** Returns the remaining time to live in milliseconds, {@code -1} without a TTL, {@code -2} if absent. */
    public long pttl(Key key) {
        KeyEntry entry = lookup(key);
        if (entry == null) {
            return -2;
        }
        return entry.hasExpiry() ? Math.max(0, entry.expireAt - table.now()) : -1;
    }

    /** Returns the remaining time to live in seconds, rounded as Redis does, or {@code -1}/{@code -2} as {@link #pttl}. */
    public long ttl(Key key) {
        long pttl = pttl(key);
        return pttl < 0 ? pttl : (pttl + 500) / 1000;
    }

    /** Returns the absolute expiry time in milliseconds ({@code PEXPIRETIME}), or {@code -1}/{@code -2} as {@link #pttl}. */
    public long expireTimeMillis(Key key) {
        KeyEntry entry = lookup(key);
        if (entry == null) {
            return -2;
        }
        return entry.hasExpiry() ? entry.expireAt : -1;
    }

    /**
     * Sets the absolute expiry time of {@code key} ({@code PEXPIREAT} and friends; the command layer applies NX/XX/GT/LT
     * using {@link #expireTimeMillis}). A time not in the future deletes the key at once, as Redis does.
     *
     * @return false if {@code key} does not exist
     */
    public boolean expireAt(Key key, long expireAtMillis) {
        KeyEntry entry = lookup(key);
        if (entry == null) {
            return false;
        }
        if (expireAtMillis <= table.now()) {
            table.remove(entry, KeyChange.DELETED);
        } else {
            table.setExpiry(entry, expireAtMillis);
            table.changed(key, KeyChange.TTL_CHANGED);
        }
        return true;
    }

    /** Removes the TTL of {@code key} ({@code PERSIST}); returns false if it has none or does not exist. */
    public boolean persist(Key key) {
        KeyEntry entry = lookup(key);
        if (entry == null || !entry.hasExpiry()) {
            return false;
        }
        table.clearExpiry(entry);
        table.changed(key, KeyChange.TTL_CHANGED);
        return true;
    }

    /**
     * Removes up to {@code maxKeys} expired keys, earliest expiry first, reporting {@link KeyChange#EXPIRED} for each.
     * Keys are indexed by expiry time, so this finds every expired key exactly rather than by sampling, and its work is
     * bounded by {@code maxKeys}. The node's scheduler calls it periodically.
     *
     * @return the number of keys removed; less than {@code maxKeys} means no expired key is left
     */
    public int activeExpireCycle(int maxKeys) {
        int removed = 0;
        KeyEntry entry;
        while (removed < maxKeys && (entry = table.firstExpired()) != null) {
            table.remove(entry, KeyChange.EXPIRED);
            removed++;
        }
        return removed;
    }

    // ---- enumeration ----

    /** Returns the number of keys, including expired keys not yet removed ({@code DBSIZE}). */
    public int size() {
        return table.size();
    }

    /** Returns the number of keys with a TTL ({@code INFO keyspace} {@code expires=}). */
    public int expiringKeyCount() {
        return table.expiringCount();
    }

    /** Returns a key chosen uniformly at random, or {@code null} if there are none ({@code RANDOMKEY}). */
    public Key randomKey() {
        long now = table.now();
        KeyEntry entry;
        while ((entry = table.slots().random(random)) != null && entry.isExpiredAt(now)) {
            table.remove(entry, KeyChange.EXPIRED);
        }
        return entry == null ? null : entry.key;
    }

    /**
     * Returns the keys matching the glob {@code pattern} ({@code KEYS}), by slot and then by age; the pattern {@code *}
     * matches every key, including the empty one. See {@link GlobMatcher}.
     */
    public List<Key> keys(byte[] pattern) {
        boolean all = pattern.length == 1 && pattern[0] == '*';
        long now = table.now();
        List<Key> matching = new ArrayList<>();
        List<KeyEntry> expired = new ArrayList<>();
        table.slots().forEach(entry -> {
            if (entry.isExpiredAt(now)) {
                expired.add(entry);
            } else if (all || GlobMatcher.matches(pattern, entry.key)) {
                matching.add(entry.key);
            }
        });
        expired.forEach(entry -> table.remove(entry, KeyChange.EXPIRED));
        return matching;
    }

    /**
     * Returns one page of a {@code SCAN}. Each call visits about {@code count} keys (fewer at the end) and returns those
     * that are not expired and pass the optional filters. Every key present for the whole scan is returned exactly
     * once, whatever is added or removed between calls; the cursor format is documented on the (internal) slot index:
     * slot in bits 49..62, creation sequence in bits 0..48. Any non-negative cursor is accepted; negative ones (above
     * 2^63 as unsigned) end the scan.
     *
     * @param cursor {@code 0} to start, then the cursor of the previous page
     * @param count keys to visit; must be positive
     * @param pattern a glob the key must match, or {@code null}
     * @param type the type the value must have, or {@code null}
     */
    public ScanPage<Key> scan(long cursor, int count, byte[] pattern, ValueType type) {
        ScanPage<KeyEntry> visited = table.slots().scan(cursor, count);
        long now = table.now();
        List<Key> keys = new ArrayList<>(visited.items().size());
        for (KeyEntry entry : visited.items()) {
            if (entry.isExpiredAt(now)) {
                table.remove(entry, KeyChange.EXPIRED);
            } else if ((pattern == null || GlobMatcher.matches(pattern, entry.key))
                    && (type == null || entry.value.type() == type)) {
                keys.add(entry.key);
            }
        }
        return new ScanPage<>(visited.cursor(), keys);
    }

    /** Returns the number of keys in {@code slot} in O(1) ({@code CLUSTER COUNTKEYSINSLOT}). */
    public int countKeysInSlot(int slot) {
        return table.slots().count(checkSlot(slot));
    }

    /**
     * Returns up to {@code count} keys of {@code slot}, most recently created first, in O(log n + count) ({@code CLUSTER
     * GETKEYSINSLOT}). Like Redis, it does not check expiry.
     */
    public List<Key> getKeysInSlot(int slot, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<Key> keys = new ArrayList<>();
        table.slots().newest(checkSlot(slot), count).forEach(entry -> keys.add(entry.key));
        return keys;
    }

    /** Deletes every key of {@code slot}, reporting {@link KeyChange#DELETED} for each; returns how many. */
    public int deleteKeysInSlot(int slot) {
        List<KeyEntry> doomed = table.slots().newest(checkSlot(slot), Integer.MAX_VALUE);
        doomed.forEach(entry -> table.remove(entry, KeyChange.DELETED));
        return doomed.size();
    }

    // ---- internals ----

    private KeyEntry lookup(Key key) {
        return table.lookup(key);
    }

    private <V extends Value> V typed(Key key, Class<V> type) {
        KeyEntry entry = table.lookup(key);
        if (entry == null) {
            return null;
        }
        if (!type.isInstance(entry.value)) {
            throw new WrongTypeException();
        }
        return type.cast(entry.value);
    }

    private <V extends Value> V insert(Key key, V value) {
        table.create(key, value);
        return value;
    }

    private static boolean isEmptyCollection(Value value) {
        return (value instanceof HashValue && ((HashValue) value).isEmpty())
                || (value instanceof ListValue && ((ListValue) value).isEmpty())
                || (value instanceof SetValue && ((SetValue) value).isEmpty())
                || (value instanceof SortedSetValue && ((SortedSetValue) value).isEmpty());
    }

    private static int checkSlot(int slot) {
        if (slot < 0 || slot >= KeySlot.SLOT_COUNT) {
            throw new IllegalArgumentException("slot out of range: " + slot);
        }
        return slot;
    }
}

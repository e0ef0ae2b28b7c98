package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A hash: a map from field to value. Field lookups are O(1); insertions and removals are expected O(log n) because the
 * fields are also kept in scan order for {@link #scan} and uniform {@link #randomField}. The hash also remembers the
 * order in which its fields were first set ({@link #entriesInInsertionOrder}), the order in which Redis lists a small
 * (listpack-encoded) hash. Mutable and not thread-safe; see {@link Value} for the write protocol.
 */
public final class HashValue implements Value {
    private final Map<Bytes, Bytes> values = new LinkedHashMap<>();
    private final RankedSet<Bytes> fields = new RankedSet<>(Bytes.SCAN_ORDER);

    /** Creates an empty hash. */
    public HashValue() {}

    /** Returns the number of fields ({@code HLEN}). */
    public int size() {
        return values.size();
    }

    /** Returns whether the hash has no fields; the keyspace removes such hashes on {@link Keyspace#markModified}. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Returns the value of {@code field}, or {@code null} if the field is absent. */
    public Bytes get(Bytes field) {
        return values.get(field);
    }

    /** Returns whether {@code field} is present. */
    public boolean contains(Bytes field) {
        return values.containsKey(field);
    }

    /**
     * Sets {@code field} to {@code value}; returns true if the field is new (it goes last in insertion order), false if
     * an existing value was replaced (the field keeps its place).
     */
    public boolean put(Bytes field, Bytes value) {
        if (values.put(field, value) != null) {
            return false;
        }
        fields.add(field);
        return true;
    }

    /** Removes {@code field}; returns whether it was present. */
    public boolean remove(Bytes field) {
        if (values.remove(field) == null) {
            return false;
        }
        fields.remove(field);
        return true;
    }

    /** Returns an unmodifiable live view of the fields and values, in no particular order. */
    public Map<Bytes, Bytes> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Returns a snapshot of the entries in scan order, which depends only on the content ({@code HGETALL}). */
    public List<Map.Entry<Bytes, Bytes>> entries() {
        List<Map.Entry<Bytes, Bytes>> entries = new ArrayList<>(values.size());
        for (Bytes field : fields) {
            entries.add(Map.entry(field, values.get(field)));
        }
        return entries;
    }

    /**
     * Returns a snapshot of the entries in the order their fields were first set (a removed and re-added field counts
     * as new), as a listpack-encoded Redis hash lists them.
     */
    public List<Map.Entry<Bytes, Bytes>> entriesInInsertionOrder() {
        List<Map.Entry<Bytes, Bytes>> entries = new ArrayList<>(values.size());
        values.forEach((field, value) -> entries.add(Map.entry(field, value)));
        return entries;
    }

    /** Returns a field chosen uniformly at random, or {@code null} if the hash is empty ({@code HRANDFIELD}). */
    public Bytes randomField(RandomGenerator random) {
        return HashOrderedScan.random(fields, random);
    }

    /**
     * Returns one page of an {@code HSCAN}: entries in scan order starting at {@code cursor} ({@code 0} to start).
     * Every field present for the whole scan is returned exactly once; see {@link ScanPage}. {@code MATCH} filtering is
     * left to the caller.
     *
     * @param count the number of entries to aim for; must be positive
     */
    public ScanPage<Map.Entry<Bytes, Bytes>> scan(long cursor, int count) {
        return HashOrderedScan.scan(fields, cursor, count, field -> Map.entry(field, values.get(field)));
    }

    @Override
    public ValueType type() {
        return ValueType.HASH;
    }

    @Override
    public HashValue copy() {
        HashValue copy = new HashValue();
        values.forEach(copy::put);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HashValue && values.equals(((HashValue) other).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "hash(" + values.size() + " fields)";
    }
}

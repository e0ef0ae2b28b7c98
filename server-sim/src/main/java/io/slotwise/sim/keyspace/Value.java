package io.slotwise.sim.keyspace;

/**
 * A value stored under a key. Strings are immutable; the collection types and streams are mutable in place and, like the
 * keyspace that holds them, not thread-safe.
 *
 * <p>A collection obtained from the keyspace for writing must be followed by {@link Keyspace#markModified(Key)} after
 * it has been changed; the keyspace then notifies listeners and removes the key if the collection became empty.
 */
public sealed interface Value permits StringValue, ListValue, SetValue, SortedSetValue, HashValue, StreamValue {
    /** Returns the type of this value. */
    ValueType type();

    /** Returns an independent deep copy; immutable values may return themselves. */
    Value copy();
}

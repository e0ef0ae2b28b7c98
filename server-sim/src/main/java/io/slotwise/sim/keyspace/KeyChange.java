package io.slotwise.sim.keyspace;

/** What happened to a key, as reported to a {@link KeyspaceListener}. */
public enum KeyChange {
    /** The key was created or its value replaced or modified in place (possibly with a new TTL). */
    WRITTEN,
    /** Only the key's time to live was set, changed or removed ({@code EXPIRE}, {@code PERSIST}). */
    TTL_CHANGED,
    /** The key was removed explicitly ({@code DEL}, an emptied collection, an expiry time already in the past). */
    DELETED,
    /** The key was removed because its time to live ran out, lazily on access or by the active expiry cycle. */
    EXPIRED,
    /** The key was renamed away; it no longer exists. */
    RENAMED_FROM,
    /** The key was created by a rename, replacing any previous value. */
    RENAMED_TO
}

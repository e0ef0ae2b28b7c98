package io.slotwise.sim.command;

/**
 * What INFO (section keyspace) and DBSIZE report about the node's data. The keyspace module provides it as a service;
 * without one the node reports an empty database. Called on the node's event loop only.
 */
public interface KeyspaceSummary {

    /** A summary of a node without data. */
    KeyspaceSummary EMPTY = new KeyspaceSummary() {
        @Override
        public long keys() {
            return 0;
        }

        @Override
        public long keysWithExpiry() {
            return 0;
        }
    };

    /** Returns the number of keys in database 0 (DBSIZE). */
    long keys();

    /** Returns how many of those keys have a time to live. */
    long keysWithExpiry();

    /** Returns the average time to live in milliseconds of keys with one, 0 if unknown (INFO's {@code avg_ttl}). */
    default long averageTtlMillis() {
        return 0;
    }
}

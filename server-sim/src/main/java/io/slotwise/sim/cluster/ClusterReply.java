package io.slotwise.sim.cluster;

import java.util.List;
import java.util.Objects;

/**
 * A protocol-neutral reply tree for the structured CLUSTER replies (SLOTS, SHARDS), converted to RESP by the command
 * layer with one recursive switch: {@link Int} → integer, {@link Bulk} → bulk string (UTF-8), {@link NullBulk} → null
 * bulk ({@code $-1} in RESP2, {@code _} in RESP3), {@link Array} → array, {@link Dict} → map in RESP3 and a flat
 * key/value array in RESP2 (keys are bulk strings, order preserved). Immutable and thread-safe.
 */
public sealed interface ClusterReply {

    /**
     * An integer.
     *
     * @param value the value
     */
    record Int(long value) implements ClusterReply {}

    /**
     * A bulk string.
     *
     * @param value the text, never {@code null} (UTF-8 on the wire)
     */
    record Bulk(String value) implements ClusterReply {
        /**
         * Validates the value.
         *
         * @throws NullPointerException if {@code value} is {@code null}
         */
        public Bulk {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The null bulk string. */
    record NullBulk() implements ClusterReply {
        /** The only instance needed. */
        public static final NullBulk INSTANCE = new NullBulk();
    }

    /**
     * An array.
     *
     * @param items the elements, copied
     */
    record Array(List<ClusterReply> items) implements ClusterReply {
        /**
         * Copies the elements.
         *
         * @throws NullPointerException if the list or an element is {@code null}
         */
        public Array {
            items = List.copyOf(items);
        }
    }

    /**
     * A map with string keys, in insertion order.
     *
     * @param entries the entries, copied
     */
    record Dict(List<Entry> entries) implements ClusterReply {
        /**
         * Copies the entries.
         *
         * @throws NullPointerException if the list or an entry is {@code null}
         */
        public Dict {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One map entry.
     *
     * @param key the key, never {@code null}
     * @param value the value, never {@code null}
     */
    record Entry(String key, ClusterReply value) {
        /**
         * Validates the entry.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}

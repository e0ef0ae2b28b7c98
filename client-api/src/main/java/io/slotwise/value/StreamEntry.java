package io.slotwise.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a stream: its ID and its fields with their values, in the order they were added. An entry read from a
 * consumer group's pending history whose data was deleted meanwhile ({@code XDEL}, trimming) comes back without fields
 * (see {@link #isDeleted()}); an entry added by {@code XADD} always has at least one field.
 *
 * @param id the entry's ID, never {@code null}
 * @param fields the fields and values in entry order; copied into an unmodifiable insertion-ordered map (a repeated
 *     field keeps its last value there)
 * @param <K> the field type (the key codec decodes fields)
 * @param <V> the value type
 */
public record StreamEntry<K, V>(StreamId id, Map<K, V> fields) {

    /** Checks the components and copies the fields. */
    public StreamEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fields, "fields");
        Map<K, V> copy = new LinkedHashMap<>();
        fields.forEach((field, value) ->
                copy.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value")));
        fields = Collections.unmodifiableMap(copy);
    }

    /**
     * Tells whether the entry's data is gone: it was deleted while still pending in a consumer group.
     *
     * @return {@code true} when the entry has no fields
     */
    public boolean isDeleted() {
        return fields.isEmpty();
    }

    /** Shows the ID and the number of fields, not the fields (they are application data and may be secrets). */
    @Override
    public String toString() {
        return "StreamEntry[id=" + id + ", fields=" + fields.size() + "]";
    }
}

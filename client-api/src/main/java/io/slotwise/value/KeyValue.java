package io.slotwise.value;

import java.util.Objects;

/**
 * A key (or a hash field) with a value: which list a blocking pop ({@code BLPOP}, {@code BRPOP}) took its element from,
 * or one field of a hash scan ({@code HSCAN}).
 *
 * @param key the key or field, never {@code null}
 * @param value the value, never {@code null}
 * @param <K> the key type
 * @param <V> the value type
 */
public record KeyValue<K, V>(K key, V value) {

    /** Checks the components. */
    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Shows the key but not the value: values are application data and may be secrets. */
    @Override
    public String toString() {
        return "KeyValue[key=" + key + ", value=(hidden)]";
    }
}

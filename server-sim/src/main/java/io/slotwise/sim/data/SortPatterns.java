package io.slotwise.sim.data;

import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.HashValue;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.keyspace.Value;
import java.util.Arrays;

/**
 * Resolves the BY and GET patterns of SORT for one element, as Redis 7.0's {@code lookupKeyByPattern} does: {@code #}
 * is the element itself; otherwise the first {@code *} is replaced by the element to name a key, whose string value is
 * the result; {@code key->field} after the {@code *} reads a hash field instead. A pattern without {@code *}, a missing
 * key or field, or a key of the wrong type resolves to nothing. Stateless.
 */
final class SortPatterns {
    private SortPatterns() {}

    /**
     * Resolves a pattern.
     *
     * @return the value, or null if there is none
     */
    static Bytes resolve(Keyspace keyspace, byte[] pattern, Bytes element) {
        if (pattern.length == 1 && pattern[0] == '#') {
            return element;
        }
        int star = SortOptions.indexOfStar(pattern);
        if (star < 0) {
            return null;
        }
        int arrow = indexOfArrow(pattern, star + 1);
        boolean hashField = arrow >= 0 && arrow + 2 < pattern.length;
        int keyEnd = hashField ? arrow : pattern.length;
        byte[] elementBytes = element.toByteArray();
        byte[] key = new byte[star + elementBytes.length + keyEnd - star - 1];
        System.arraycopy(pattern, 0, key, 0, star);
        System.arraycopy(elementBytes, 0, key, star, elementBytes.length);
        System.arraycopy(pattern, star + 1, key, star + elementBytes.length, keyEnd - star - 1);
        Value value = keyspace.get(Key.of(key));
        if (hashField) {
            return value instanceof HashValue hash
                    ? hash.get(Bytes.of(Arrays.copyOfRange(pattern, arrow + 2, pattern.length)))
                    : null;
        }
        return value instanceof StringValue string ? string.bytes() : null;
    }

    private static int indexOfArrow(byte[] pattern, int from) {
        for (int i = from; i + 1 < pattern.length; i++) {
            if (pattern[i] == '-' && pattern[i + 1] == '>') {
                return i;
            }
        }
        return -1;
    }
}

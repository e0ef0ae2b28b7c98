package io.slotwise.it.tools;

import io.slotwise.routing.SlotHash;

/**
 * One key for every hash slot, found by hashing candidate names with {@link SlotHash}: {@code key(slot)} hashes to
 * {@code slot}. Computed once; immutable and thread-safe.
 */
final class KeysPerSlot {

    private static final String[] KEYS = compute();

    private KeysPerSlot() {}

    /** A key (without hash tag) that hashes to {@code slot}. */
    static String key(int slot) {
        return KEYS[slot];
    }

    /** A hash tag ({@code "{...}"}) that puts any key containing it into {@code slot}. */
    static String tag(int slot) {
        return "{" + KEYS[slot] + "}";
    }

    private static String[] compute() {
        String[] keys = new String[SlotHash.SLOT_COUNT];
        int found = 0;
        for (int i = 0; found < keys.length; i++) {
            String candidate = "key:" + i;
            int slot = SlotHash.slot(candidate);
            if (keys[slot] == null) {
                keys[slot] = candidate;
                found++;
            }
        }
        return keys;
    }
}

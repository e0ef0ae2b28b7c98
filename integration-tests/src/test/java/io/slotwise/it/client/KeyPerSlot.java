package io.slotwise.it.client;

import io.slotwise.routing.SlotHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Finds keys by slot: plain keys ({@code prefix + n}, no hash tag) searched with {@link SlotHash} in increasing
 * {@code n}, so the same prefix always gives the same keys.
 */
final class KeyPerSlot {

    private KeyPerSlot() {}

    /**
     * Returns one key for every slot: element {@code s} hashes to slot {@code s}.
     *
     * @param prefix the common prefix; it must not contain {@code {}
     */
    static List<String> everySlot(String prefix) {
        requireNoHashTag(prefix);
        String[] bySlot = new String[SlotHash.SLOT_COUNT];
        int missing = SlotHash.SLOT_COUNT;
        for (long n = 0; missing > 0; n++) {
            String key = prefix + n;
            int slot = SlotHash.slot(key);
            if (bySlot[slot] == null) {
                bySlot[slot] = key;
                missing--;
            }
        }
        return Arrays.asList(bySlot);
    }

    /**
     * Returns the first {@code count} keys {@code prefix + n} whose slot satisfies {@code slots}.
     *
     * @param prefix the common prefix; it must not contain {@code {}
     */
    static List<String> matching(String prefix, int count, IntPredicate slots) {
        requireNoHashTag(prefix);
        List<String> keys = new ArrayList<>(count);
        for (long n = 0; keys.size() < count; n++) {
            String key = prefix + n;
            if (slots.test(SlotHash.slot(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static void requireNoHashTag(String prefix) {
        if (prefix.indexOf('{') >= 0) {
            throw new IllegalArgumentException("the prefix must not contain '{': " + prefix);
        }
    }
}

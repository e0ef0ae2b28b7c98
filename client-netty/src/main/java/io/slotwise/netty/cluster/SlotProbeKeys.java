package io.slotwise.netty.cluster;

import io.slotwise.routing.SlotHash;
import java.nio.charset.StandardCharsets;

/**
 * One key name per hash slot, for asking a node whether it serves a slot: a keyed command on the key is answered by
 * the slot's owner and redirected by anyone else ({@code MOVED}), or, while the slot migrates and the key is absent,
 * sent on to the importing node ({@code ASK}). The names ({@code __slotwise_slot_probe__:<n>}) are not meant to exist;
 * if one does, a migration of its slot goes unnoticed by the probe. Computed once, on first use (about 10 ms).
 */
final class SlotProbeKeys {

    private static final byte[][] KEYS = compute();

    private SlotProbeKeys() {}

    /**
     * Returns the probe key of a slot.
     *
     * @param slot the slot
     * @return a key hashing to it; shared, must not be modified
     */
    static byte[] of(int slot) {
        return KEYS[slot];
    }

    private static byte[][] compute() {
        byte[][] keys = new byte[SlotHash.SLOT_COUNT][];
        int missing = SlotHash.SLOT_COUNT;
        for (long n = 0; missing > 0; n++) {
            byte[] key = ("__slotwise_slot_probe__:" + n).getBytes(StandardCharsets.US_ASCII);
            int slot = SlotHash.slot(key);
            if (keys[slot] == null) {
                keys[slot] = key;
                missing--;
            }
        }
        return keys;
    }
}

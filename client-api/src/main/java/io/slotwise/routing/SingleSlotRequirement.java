package io.slotwise.routing;

import io.slotwise.CrossSlotException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks, before anything is sent, that the keys of a command that cannot be split share one slot, and explains the
 * problem when they do not.
 */
public final class SingleSlotRequirement {

    private static final int KEYS_SHOWN = 8;
    private static final int KEY_CHARS_SHOWN = 64;

    private SingleSlotRequirement() {}

    /**
     * Returns the one slot all keys hash to.
     *
     * @param command the command name, for the message (for example {@code MSETNX})
     * @param keys the command's keys; at least one
     * @return their slot
     * @throws CrossSlotException if the keys hash to more than one slot; the message lists up to eight keys with their
     *     slots
     * @throws IllegalArgumentException if there are no keys
     */
    public static int slotOf(String command, List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(command + " needs at least one key");
        }
        int slot = SlotHash.slot(keys.get(0));
        for (byte[] key : keys) {
            if (SlotHash.slot(key) != slot) {
                throw new CrossSlotException(describe(command, keys));
            }
        }
        return slot;
    }

    private static String describe(String command, List<byte[]> keys) {
        StringBuilder message =
                new StringBuilder("CROSSSLOT: the keys of ").append(command).append(" must hash to one slot, but ");
        int shown = Math.min(keys.size(), KEYS_SHOWN);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                message.append(", ");
            }
            message.append(printable(keys.get(i))).append(" -> slot ").append(SlotHash.slot(keys.get(i)));
        }
        if (keys.size() > shown) {
            message.append(" and ").append(keys.size() - shown).append(" more");
        }
        return message.append(". Give the keys a common hash tag, e.g. {user42}:name and {user42}:email, ")
                .append("to keep them in one slot.")
                .toString();
    }

    /** Quotes a key for a message: printable ASCII as is, other bytes as \xHH, long keys shortened. */
    static String printable(byte[] key) {
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(key.length, KEY_CHARS_SHOWN);
        for (int i = 0; i < limit; i++) {
            int b = key[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\' && b != '\'') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        if (key.length > limit) {
            out.append("...(").append(key.length).append(" bytes)");
        }
        return out.append('\'').toString();
    }

    /**
     * Convenience for text keys.
     *
     * @param command the command name
     * @param keys the keys, encoded as UTF-8
     * @return their slot
     */
    public static int slotOfText(String command, List<String> keys) {
        return slotOf(
                command,
                keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList());
    }
}

package io.slotwise.command;

import io.slotwise.routing.SingleSlotRequirement;
import io.slotwise.routing.SlotHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The checked routing of a command under construction: its effective {@link Routing}, its {@link Split} if any, and
 * the slot of its keys. Resolving it is where a command's shape is validated, so that every built command is
 * routable.
 *
 * @param routing the effective routing
 * @param split the split, or {@code null}
 * @param slot the slot all keys share, or -1 (keyless, or a split command whose keys span several slots)
 */
record CommandShape(Routing routing, Split split, int slot) {

    /**
     * Resolves and checks a command's shape.
     *
     * @param name the command name, for messages
     * @param args all arguments, name first
     * @param keys the key indexes, ascending
     * @param requested the routing set on the builder, or {@code null} for the default
     * @param splitWidth the key group width of a split, if {@code splitMerger} is set
     * @param splitMerger the merger of a split, or {@code null} for no split
     * @throws IllegalArgumentException if the shape is inconsistent
     * @throws io.slotwise.CrossSlotException if an unsplittable command's keys span several slots
     */
    static CommandShape resolve(
            String name, List<byte[]> args, int[] keys, Routing requested, int splitWidth, ReplyMerger splitMerger) {
        Routing routing = requested != null ? requested : keys.length > 0 ? Routing.BY_KEYS : Routing.ANY_NODE;
        if (!(routing instanceof Routing.ByKeys)) {
            if (keys.length > 0) {
                throw new IllegalArgumentException(name + " has keys, so it must route by its keys, not " + routing);
            }
            if (splitMerger != null) {
                throw new IllegalArgumentException(name + ": only commands routed by key can split by slot");
            }
            return new CommandShape(routing, null, -1);
        }
        if (keys.length == 0) {
            throw new IllegalArgumentException(name + " needs at least one key");
        }
        if (keys.length == 1 && splitMerger == null) {
            return new CommandShape(routing, null, SlotHash.slot(args.get(keys[0])));
        }
        List<byte[]> keyBytes = new ArrayList<>(keys.length);
        for (int index : keys) {
            keyBytes.add(args.get(index));
        }
        if (splitMerger == null) {
            return new CommandShape(routing, null, SingleSlotRequirement.slotOf(name, keyBytes));
        }
        Split split = checkedSplit(name, args.size(), keys, splitWidth, splitMerger);
        return new CommandShape(routing, split, commonSlot(keyBytes));
    }

    private static Split checkedSplit(String name, int argCount, int[] keys, int width, ReplyMerger merger) {
        int first = keys[0];
        boolean laidOut = argCount - first == keys.length * width;
        for (int i = 0; laidOut && i < keys.length; i++) {
            laidOut = keys[i] == first + i * width;
        }
        if (!laidOut) {
            throw new IllegalArgumentException(name + ": to split by slot, the keys must be the last arguments, in"
                    + " groups of " + width + " argument(s) each starting with its key");
        }
        return new Split(first, width, merger);
    }

    private static int commonSlot(List<byte[]> keys) {
        int slot = SlotHash.slot(keys.get(0));
        for (byte[] key : keys) {
            if (SlotHash.slot(key) != slot) {
                return -1;
            }
        }
        return slot;
    }
}

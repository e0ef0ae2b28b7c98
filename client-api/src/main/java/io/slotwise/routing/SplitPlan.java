package io.slotwise.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a multi-key command whose keys span several slots is split into one sub-command per slot, and how the parts'
 * answers are put back in the caller's key order.
 *
 * <p>Groups appear in the order their slot first occurs among the keys; within a group, keys keep the caller's order.
 * Duplicate keys stay where the caller put them, so {@code MGET a b a} answers three values. Immutable.
 */
public final class SplitPlan {

    private final int keyCount;
    private final List<Group> groups;

    private SplitPlan(int keyCount, List<Group> groups) {
        this.keyCount = keyCount;
        this.groups = groups;
    }

    /**
     * Plans the split of a command's keys.
     *
     * @param keys the keys, in the caller's order
     * @return the plan; a single group when every key hashes to one slot
     */
    public static SplitPlan of(List<byte[]> keys) {
        Map<Integer, List<Integer>> positionsBySlot = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            positionsBySlot
                    .computeIfAbsent(SlotHash.slot(keys.get(i)), s -> new ArrayList<>())
                    .add(i);
        }
        List<Group> groups = new ArrayList<>(positionsBySlot.size());
        positionsBySlot.forEach((slot, positions) -> groups.add(
                new Group(slot, positions.stream().mapToInt(Integer::intValue).toArray())));
        return new SplitPlan(keys.size(), Collections.unmodifiableList(groups));
    }

    /** The per-slot groups, in order of first occurrence. */
    public List<Group> groups() {
        return groups;
    }

    /** Whether the command needs no split. */
    public boolean isSingleSlot() {
        return groups.size() <= 1;
    }

    /**
     * Puts per-group answers back in the caller's key order, as {@code MGET} needs.
     *
     * @param parts one list per group, in {@link #groups()} order, each holding one answer per key of its group
     * @param <T> the answer type
     * @return one answer per caller key, in the caller's order
     * @throws IllegalArgumentException if the parts do not match the plan
     */
    public <T> List<T> reassemble(List<List<T>> parts) {
        if (parts.size() != groups.size()) {
            throw new IllegalArgumentException("expected " + groups.size() + " parts, got " + parts.size());
        }
        List<T> merged = new ArrayList<>(Collections.nCopies(keyCount, null));
        for (int g = 0; g < groups.size(); g++) {
            int[] positions = groups.get(g).positions();
            List<T> part = parts.get(g);
            if (part.size() != positions.length) {
                throw new IllegalArgumentException(
                        "group for slot " + groups.get(g).slot() + " has " + positions.length
                                + " keys but its answer has " + part.size() + " elements");
            }
            for (int i = 0; i < positions.length; i++) {
                merged.set(positions[i], part.get(i));
            }
        }
        return merged;
    }

    /**
     * The keys of one slot.
     *
     * @param slot the slot
     * @param positions the indexes of the group's keys in the caller's key list, ascending
     */
    public record Group(int slot, int[] positions) {

        /** Copies the positions. */
        public Group {
            positions = positions.clone();
        }

        /** Returns a copy of the positions. */
        @Override
        public int[] positions() {
            return positions.clone();
        }

        /**
         * Picks this group's elements out of a caller-ordered list.
         *
         * @param all a list with one element per caller key
         * @param <T> the element type
         * @return the elements at this group's positions, in order
         */
        public <T> List<T> select(List<T> all) {
            List<T> selected = new ArrayList<>(positions.length);
            for (int position : positions) {
                selected.add(all.get(position));
            }
            return selected;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Group that && slot == that.slot && Arrays.equals(positions, that.positions);
        }

        @Override
        public int hashCode() {
            return 31 * slot + Arrays.hashCode(positions);
        }

        @Override
        public String toString() {
            return "Group{slot=" + slot + ", positions=" + Arrays.toString(positions) + "}";
        }
    }
}

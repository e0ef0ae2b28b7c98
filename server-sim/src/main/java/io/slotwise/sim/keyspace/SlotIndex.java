package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The keyspace's entries grouped by hash slot. Each slot keeps its entries in insertion order ({@link
 * KeyEntry#sequence}), so counting is O(1), listing {@code n} keys is O(log size + n), and a scan can resume at a fixed
 * position. A Fenwick tree over the per-slot counts picks a slot weighted by its size, which makes {@link #random}
 * uniform over all keys. Not thread-safe.
 *
 * <p><b>Scan cursor.</b> A cursor is a non-negative {@code long}: bits 49..62 hold a slot, bits 0..48 a sequence
 * number, and it means "continue with the entries of that slot whose sequence is at least that number, then the
 * following slots". {@code 0} starts at slot 0; a returned {@code 0} means the scan is complete. Sequence numbers are
 * assigned once when a key is created and never change while it exists, so the position of a key in this order is
 * fixed. Consecutive pages cover adjacent, disjoint stretches of the order, hence a key present for the whole scan is
 * returned exactly once, whatever is added or removed meanwhile. Keys created during the scan may or may not be
 * returned; a renamed key counts as a new key.
 */
final class SlotIndex {
    static final int SEQUENCE_BITS = 49;
    static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    @SuppressWarnings("unchecked")
    private final RankedSet<KeyEntry>[] slots = (RankedSet<KeyEntry>[]) new RankedSet<?>[KeySlot.SLOT_COUNT];

    private final int[] fenwick = new int[KeySlot.SLOT_COUNT + 1];
    private int total;

    void add(KeyEntry entry) {
        int slot = entry.key.slot();
        if (slots[slot] == null) {
            slots[slot] = new RankedSet<>(KeyEntry.BY_SEQUENCE);
        }
        slots[slot].add(entry);
        adjust(slot, 1);
    }

    void remove(KeyEntry entry) {
        int slot = entry.key.slot();
        if (slots[slot] != null && slots[slot].remove(entry)) {
            adjust(slot, -1);
        }
    }

    int count(int slot) {
        return slots[slot] == null ? 0 : slots[slot].size();
    }

    /** Returns up to {@code count} entries of {@code slot}, most recently created first. */
    List<KeyEntry> newest(int slot, int count) {
        RankedSet<KeyEntry> keys = slots[slot];
        List<KeyEntry> newest = new ArrayList<>();
        if (keys != null) {
            Iterator<KeyEntry> iterator = keys.iterator(keys.size() - 1, true);
            while (newest.size() < count && iterator.hasNext()) {
                newest.add(iterator.next());
            }
        }
        return newest;
    }

    /** Calls {@code action} for every entry, by slot and then oldest first; {@code action} must not modify the index. */
    void forEach(Consumer<KeyEntry> action) {
        for (RankedSet<KeyEntry> keys : slots) {
            if (keys != null) {
                keys.forEach(action);
            }
        }
    }

    /** Returns an entry chosen uniformly at random, or {@code null} if there are none. */
    KeyEntry random(RandomGenerator random) {
        if (total == 0) {
            return null;
        }
        int rank = random.nextInt(total);
        int slot = 0;
        for (int step = Integer.highestOneBit(KeySlot.SLOT_COUNT); step > 0; step >>= 1) {
            if (slot + step <= KeySlot.SLOT_COUNT && fenwick[slot + step] <= rank) {
                slot += step;
                rank -= fenwick[slot];
            }
        }
        return slots[slot].get(rank);
    }

    /** Visits up to {@code count} entries starting at {@code cursor}; see the class documentation for the format. */
    ScanPage<KeyEntry> scan(long cursor, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        if (cursor < 0) {
            return new ScanPage<>(0, List.of());
        }
        List<KeyEntry> visited = new ArrayList<>(Math.min(count, Math.max(total, 1)));
        long sequence = cursor & MAX_SEQUENCE;
        for (int slot = (int) (cursor >>> SEQUENCE_BITS); slot < KeySlot.SLOT_COUNT; slot++, sequence = 0) {
            RankedSet<KeyEntry> keys = slots[slot];
            if (keys == null || keys.isEmpty()) {
                continue;
            }
            Iterator<KeyEntry> iterator = keys.iterator(keys.countLess(KeyEntry.sequenceProbe(sequence)), false);
            while (iterator.hasNext()) {
                KeyEntry entry = iterator.next();
                if (visited.size() >= count) {
                    return new ScanPage<>(((long) slot << SEQUENCE_BITS) | entry.sequence, visited);
                }
                visited.add(entry);
            }
        }
        return new ScanPage<>(0, visited);
    }

    void clear() {
        Arrays.fill(slots, null);
        Arrays.fill(fenwick, 0);
        total = 0;
    }

    private void adjust(int slot, int delta) {
        total += delta;
        for (int i = slot + 1; i <= KeySlot.SLOT_COUNT; i += i & -i) {
            fenwick[i] += delta;
        }
    }
}

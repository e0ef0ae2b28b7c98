package io.slotwise.sim.keyspace;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Cursor scans and uniform random picks over members kept in a {@link RankedSet} in {@link Bytes#SCAN_ORDER} (by
 * unsigned 32-bit hash, then content).
 *
 * <p>Cursor: {@code 0} starts a scan; any other value {@code c} in {@code [1, 2^32]} resumes at the first element whose
 * hash is at least {@code c - 1}. A page never ends between two elements with the same hash, so consecutive pages cover
 * disjoint, adjacent hash ranges that tile the whole hash space. An element present for the whole scan has a fixed
 * hash, lies in exactly one page's range and is therefore returned exactly once, however the collection is modified
 * between calls. A page may exceed {@code count} by the number of hash collisions at its end. Cursors outside the
 * range end the scan.
 */
final class HashOrderedScan {
    private static final long LAST_CURSOR = 1L << 32;

    private HashOrderedScan() {}

    static <T> ScanPage<T> scan(RankedSet<Bytes> members, long cursor, int count, Function<Bytes, T> item) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        if (cursor < 0 || cursor > LAST_CURSOR) {
            return new ScanPage<>(0, List.of());
        }
        int startHash = cursor == 0 ? 0 : (int) (cursor - 1);
        List<T> items = new ArrayList<>(Math.min(count, members.size()));
        int lastHash = 0;
        Iterator<Bytes> iterator = members.iterator(members.countLess(Bytes.scanProbe(startHash)), false);
        while (iterator.hasNext()) {
            Bytes member = iterator.next();
            int hash = member.hashCode();
            if (items.size() >= count && hash != lastHash) {
                return new ScanPage<>(Integer.toUnsignedLong(hash) + 1, items);
            }
            items.add(item.apply(member));
            lastHash = hash;
        }
        return new ScanPage<>(0, items);
    }

    /** Returns a member chosen uniformly at random, or {@code null} if there is none. */
    static <E> E random(RankedSet<E> members, RandomGenerator random) {
        return members.isEmpty() ? null : members.get(random.nextInt(members.size()));
    }
}

package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** HSCAN/SSCAN/ZSCAN helpers: completeness under modification, hash collisions, random picks. */
class CollectionScanTest {

    @Test
    void setScanReturnsStableMembersExactlyOnceWhileOthersComeAndGo() {
        SplittableRandom random = new SplittableRandom(17);
        SetValue set = new SetValue();
        for (int i = 0; i < 2_000; i++) {
            set.add(Bytes.of("stable" + i));
        }
        Map<Bytes, Integer> seen = new HashMap<>();
        List<Bytes> churn = new ArrayList<>();
        long cursor = 0;
        int created = 0;
        do {
            ScanPage<Bytes> page = set.scan(cursor, 1 + random.nextInt(30));
            page.items().forEach(member -> seen.merge(member, 1, Integer::sum));
            cursor = page.cursor();
            for (int i = 0; i < 10; i++) {
                if (random.nextBoolean() || churn.isEmpty()) {
                    Bytes added = Bytes.of("churn" + created++);
                    set.add(added);
                    churn.add(added);
                } else {
                    set.remove(churn.remove(random.nextInt(churn.size())));
                }
            }
        } while (cursor != 0);
        for (int i = 0; i < 2_000; i++) {
            assertEquals(1, seen.getOrDefault(Bytes.of("stable" + i), 0), "stable" + i);
        }
    }

    @Test
    void sortedSetScanReturnsMembersWhoseScoresChangeDuringTheScan() {
        SortedSetValue zset = new SortedSetValue();
        for (int i = 0; i < 1_000; i++) {
            zset.add(Bytes.of("m" + i), i);
        }
        Map<Bytes, Integer> seen = new HashMap<>();
        long cursor = 0;
        int round = 0;
        do {
            ScanPage<ZEntry> page = zset.scan(cursor, 13);
            page.items().forEach(entry -> seen.merge(entry.member(), 1, Integer::sum));
            cursor = page.cursor();
            for (int i = 0; i < 1_000; i += 10) {
                zset.add(Bytes.of("m" + i), -round - i);
            }
            round++;
        } while (cursor != 0);
        assertEquals(1_000, seen.size());
        seen.values().forEach(count -> assertEquals(1, count));
    }

    @Test
    void hashScanPairsFieldsWithTheirCurrentValues() {
        HashValue hash = new HashValue();
        for (int i = 0; i < 300; i++) {
            hash.put(Bytes.of("f" + i), Bytes.of("v" + i));
        }
        Map<Bytes, Bytes> seen = new HashMap<>();
        long cursor = 0;
        do {
            ScanPage<Map.Entry<Bytes, Bytes>> page = hash.scan(cursor, 11);
            page.items().forEach(entry -> seen.put(entry.getKey(), entry.getValue()));
            cursor = page.cursor();
        } while (cursor != 0);
        assertEquals(hash.asMap(), seen);
        assertThrows(IllegalArgumentException.class, () -> hash.scan(0, 0));
    }

    @Test
    void pagesNeverSplitMembersWithTheSameHash() {
        Bytes[] collision = findHashCollision();
        SetValue set = new SetValue();
        set.add(collision[0]);
        set.add(collision[1]);
        ScanPage<Bytes> first = set.scan(0, 1);
        assertEquals(2, first.items().size(), "both colliding members belong to one page");
        assertEquals(0, first.cursor());
    }

    @Test
    void cursorsOutsideTheHashSpaceEndTheScan() {
        SetValue set = new SetValue();
        set.add(Bytes.of("m"));
        assertEquals(new ScanPage<>(0, List.of()), set.scan(-5, 10));
        assertEquals(new ScanPage<>(0, List.of()), set.scan((1L << 32) + 1, 10));
        assertEquals(List.of(Bytes.of("m")), set.scan(1, 10).items());
    }

    @Test
    void randomPicksAreUniformAndNullWhenEmpty() {
        SplittableRandom random = new SplittableRandom(23);
        HashValue hash = new HashValue();
        SetValue set = new SetValue();
        assertEquals(null, hash.randomField(random));
        assertEquals(null, set.randomMember(random));
        for (int i = 0; i < 4; i++) {
            hash.put(Bytes.of("f" + i), Bytes.of("v"));
            set.add(Bytes.of("m" + i));
        }
        Map<Bytes, Integer> hits = new HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            hits.merge(hash.randomField(random), 1, Integer::sum);
            Bytes member = set.randomMember(random);
            assertNotNull(member);
            hits.merge(member, 1, Integer::sum);
        }
        assertEquals(8, hits.size());
        hits.values().forEach(count -> assertTrue(count > 9_000 && count < 11_000, hits.toString()));
    }

    /** Finds two distinct strings with the same 32-bit hash by the birthday bound (about 10^5 tries). */
    private static Bytes[] findHashCollision() {
        Map<Integer, Bytes> byHash = new HashMap<>();
        for (int i = 0; i < 2_000_000; i++) {
            Bytes candidate = Bytes.of("c" + i);
            Bytes previous = byHash.putIfAbsent(candidate.hashCode(), candidate);
            if (previous != null) {
                return new Bytes[] {previous, candidate};
            }
        }
        throw new AssertionError("no collision found");
    }
}

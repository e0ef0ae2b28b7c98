package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyspaceScanTest {
    private final FakeClock clock = new FakeClock(0);
    private final Keyspace keyspace = new Keyspace(clock, new SplittableRandom(3));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyKeyPresentThroughoutTheScanIsReturnedExactlyOnceDespiteChurn(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Key> stable = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            // A third of the keys share a few hash tags, so pages often end in the middle of a slot.
            Key key = Key.of(i % 3 == 0 ? "{tag" + (i % 7) + "}stable" + i : "stable" + i);
            stable.add(key);
            keyspace.set(key, StringValue.of("v"));
        }
        List<Key> churn = new ArrayList<>();
        int created = 0;
        Map<Key, Integer> returned = new HashMap<>();
        long cursor = 0;
        int pages = 0;
        do {
            ScanPage<Key> page = keyspace.scan(cursor, 1 + random.nextInt(40), null, null);
            page.items().forEach(key -> returned.merge(key, 1, Integer::sum));
            cursor = page.cursor();
            pages++;
            for (int change = 0; change < 20; change++) {
                int action = random.nextInt(5);
                if (action <= 1 || churn.isEmpty()) {
                    Key key = Key.of(
                            (random.nextBoolean() ? "{tag" + random.nextInt(7) + "}" : "") + "churn" + created++);
                    keyspace.set(key, StringValue.of("c"));
                    churn.add(key);
                } else if (action == 2) {
                    keyspace.delete(churn.remove(random.nextInt(churn.size())));
                } else if (action == 3) {
                    Key renamed = Key.of("renamed" + created++);
                    keyspace.rename(churn.remove(random.nextInt(churn.size())), renamed);
                    churn.add(renamed);
                } else {
                    // Overwriting a stable key, even with another type, keeps it in place.
                    List<Key> stableList = new ArrayList<>(stable);
                    SetValue set = new SetValue();
                    set.add(Bytes.of("m"));
                    keyspace.set(stableList.get(random.nextInt(stableList.size())), set);
                }
            }
        } while (cursor != 0);

        for (Key key : stable) {
            assertEquals(1, returned.getOrDefault(key, 0), "stable key " + key);
        }
        assertTrue(pages > 50, "the scan should take many pages, took " + pages);
    }

    @Test
    void scanOfAnUnchangedKeyspaceReturnsEveryKeyOnceAtAnyCount() {
        Set<Key> all = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            Key key = Key.of((i % 2 == 0 ? "{same}" : "") + "k" + i);
            all.add(key);
            keyspace.set(key, StringValue.of("v"));
        }
        for (int count : new int[] {1, 7, 100, 10_000}) {
            List<Key> seen = scanAll(count, null, null);
            assertEquals(all.size(), seen.size(), "count " + count);
            assertEquals(all, new HashSet<>(seen));
        }
    }

    @Test
    void matchAndTypeFiltersApplyAfterVisiting() {
        keyspace.set(Key.of("user:1"), StringValue.of("v"));
        HashValue hash = new HashValue();
        hash.put(Bytes.of("f"), Bytes.of("v"));
        keyspace.set(Key.of("user:2"), hash);
        keyspace.set(Key.of("order:1"), StringValue.of("v"));
        assertEquals(Set.of(Key.of("user:1"), Key.of("user:2")), new HashSet<>(scanAll(1, utf8("user:*"), null)));
        assertEquals(Set.of(Key.of("user:2")), new HashSet<>(scanAll(1, null, ValueType.HASH)));
        assertEquals(Set.of(Key.of("user:1")), new HashSet<>(scanAll(2, utf8("user:*"), ValueType.STRING)));
    }

    @Test
    void cursorEdgeCasesEndOrRejectCleanly() {
        assertEquals(new ScanPage<>(0, List.of()), keyspace.scan(0, 10, null, null));
        keyspace.set(Key.of("k"), StringValue.of("v"));
        assertEquals(new ScanPage<>(0, List.of()), keyspace.scan(-1, 10, null, null));
        assertEquals(new ScanPage<>(0, List.of()), keyspace.scan(Long.MAX_VALUE, 10, null, null));
        assertThrows(IllegalArgumentException.class, () -> keyspace.scan(0, 0, null, null));
    }

    private List<Key> scanAll(int count, byte[] pattern, ValueType type) {
        List<Key> seen = new ArrayList<>();
        long cursor = 0;
        do {
            ScanPage<Key> page = keyspace.scan(cursor, count, pattern, type);
            seen.addAll(page.items());
            cursor = page.cursor();
        } while (cursor != 0);
        return seen;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

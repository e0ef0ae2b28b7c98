package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyspaceExpiryTest {
    private final FakeClock clock = new FakeClock(5_000_000);
    private final Keyspace keyspace = new Keyspace(clock, new SplittableRandom(1));
    private final RecordingListener listener = new RecordingListener();

    KeyspaceExpiryTest() {
        keyspace.addListener(listener);
    }

    @Test
    void ttlQueriesDistinguishMissingPersistentAndExpiringKeys() {
        Key key = Key.of("k");
        assertEquals(-2, keyspace.pttl(key));
        assertEquals(-2, keyspace.ttl(key));
        assertEquals(-2, keyspace.expireTimeMillis(key));
        keyspace.set(key, StringValue.of("v"));
        assertEquals(-1, keyspace.pttl(key));
        assertEquals(-1, keyspace.ttl(key));
        assertEquals(-1, keyspace.expireTimeMillis(key));
        assertTrue(keyspace.expireAt(key, clock.getAsLong() + 2_600));
        assertEquals(2_600, keyspace.pttl(key));
        assertEquals(3, keyspace.ttl(key));
        assertEquals(clock.getAsLong() + 2_600, keyspace.expireTimeMillis(key));
        clock.advance(2_200);
        assertEquals(400, keyspace.pttl(key));
        assertEquals(0, keyspace.ttl(key));
    }

    @Test
    void keyLivesThroughItsExpiryMillisecondAndVanishesAfterIt() {
        Key key = Key.of("k");
        keyspace.set(key, StringValue.of("v"), clock.getAsLong() + 100);
        clock.advance(100);
        assertTrue(keyspace.exists(key));
        assertEquals(0, keyspace.pttl(key));
        clock.advance(1);
        assertEquals(1, keyspace.size());
        assertNull(keyspace.get(key));
        assertEquals(0, keyspace.size());
        assertEquals(0, keyspace.countKeysInSlot(key.slot()));
        assertEquals(0, keyspace.expiringKeyCount());
        assertEquals(List.of("WRITTEN k", "EXPIRED k"), listener.events);
    }

    @Test
    void everyKindOfAccessExpiresLazily() {
        long soon = clock.getAsLong() + 10;
        for (String name : List.of("get", "exists", "type", "typed", "pttl", "delete", "write", "scan", "keys")) {
            keyspace.set(Key.of(name), StringValue.of("v"), soon);
        }
        clock.advance(11);
        assertNull(keyspace.get(Key.of("get")));
        assertFalse(keyspace.exists(Key.of("exists")));
        assertNull(keyspace.type(Key.of("type")));
        assertNull(keyspace.getString(Key.of("typed")));
        assertEquals(-2, keyspace.pttl(Key.of("pttl")));
        assertFalse(keyspace.delete(Key.of("delete")));
        assertEquals(0, keyspace.getOrCreateList(Key.of("write")).size());
        assertEquals(ValueType.LIST, keyspace.type(Key.of("write")));
        assertEquals(-1, keyspace.pttl(Key.of("write")));
        ScanPage<Key> page;
        long cursor = 0;
        do {
            page = keyspace.scan(cursor, 1, null, null);
            cursor = page.cursor();
            assertFalse(page.items().contains(Key.of("scan")));
        } while (!page.isComplete());
        assertEquals(1, keyspace.size(), "the scan removed the expired keys it visited");
        keyspace.set(Key.of("keys"), StringValue.of("v"), clock.getAsLong() + 1);
        clock.advance(2);
        assertEquals(List.of(), keyspace.keys("k*".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, keyspace.size(), "only the recreated list remains");
        assertEquals(
                10,
                listener.events.stream().filter(e -> e.startsWith("EXPIRED")).count());
    }

    @Test
    void activeCycleRemovesExpiredKeysEarliestFirstWithinBudget() {
        for (int i = 0; i < 100; i++) {
            keyspace.set(Key.of("k" + i), StringValue.of("v"), clock.getAsLong() + 1_000 + i);
        }
        keyspace.set(Key.of("persistent"), StringValue.of("v"));
        keyspace.set(Key.of("later"), StringValue.of("v"), clock.getAsLong() + 60_000);
        listener.drain();
        clock.advance(1_050);

        assertEquals(20, keyspace.activeExpireCycle(20));
        assertEquals(List.of("EXPIRED k0", "EXPIRED k1"), listener.drain().subList(0, 2));
        assertEquals(30, keyspace.activeExpireCycle(1_000));
        assertEquals(0, keyspace.activeExpireCycle(1_000));
        assertEquals(52, keyspace.size());
        assertTrue(keyspace.exists(Key.of("k50")));
        assertFalse(keyspace.exists(Key.of("k49")));

        clock.advance(10_000);
        assertEquals(50, keyspace.activeExpireCycle(1_000));
        assertEquals(2, keyspace.size());
        assertEquals(1, keyspace.expiringKeyCount());
    }

    @Test
    void expiryInThePastDeletesImmediately() {
        Key key = Key.of("k");
        keyspace.set(key, StringValue.of("v"));
        assertTrue(keyspace.expireAt(key, clock.getAsLong()));
        assertFalse(keyspace.exists(key));
        assertFalse(keyspace.expireAt(key, clock.getAsLong() + 1_000));

        keyspace.set(key, StringValue.of("v"));
        keyspace.set(key, StringValue.of("w"), clock.getAsLong() - 1);
        assertFalse(keyspace.exists(key));
        assertEquals(List.of("WRITTEN k", "DELETED k", "WRITTEN k", "DELETED k"), listener.events);
    }

    @Test
    void persistRemovesTtlOnlyWhenThereIsOne() {
        Key key = Key.of("k");
        assertFalse(keyspace.persist(key));
        keyspace.set(key, StringValue.of("v"));
        assertFalse(keyspace.persist(key));
        keyspace.expireAt(key, clock.getAsLong() + 50);
        assertTrue(keyspace.persist(key));
        clock.advance(1_000);
        assertTrue(keyspace.exists(key));
        assertEquals(0, keyspace.activeExpireCycle(10));
        assertEquals(List.of("WRITTEN k", "TTL_CHANGED k", "TTL_CHANGED k"), listener.events);
    }

    @Test
    void randomKeySkipsAndRemovesExpiredKeys() {
        for (int i = 0; i < 20; i++) {
            keyspace.set(Key.of("gone" + i), StringValue.of("v"), clock.getAsLong() + 1);
        }
        keyspace.set(Key.of("alive"), StringValue.of("v"));
        clock.advance(2);
        for (int i = 0; i < 10; i++) {
            assertEquals(Key.of("alive"), keyspace.randomKey());
        }
        keyspace.delete(Key.of("alive"));
        clock.advance(1);
        assertNull(keyspace.randomKey());
        assertEquals(0, keyspace.size());
    }

    @Test
    void changingTtlRepositionsKeyInExpiryOrder() {
        Key early = Key.of("early");
        Key late = Key.of("late");
        keyspace.set(early, StringValue.of("v"), clock.getAsLong() + 100);
        keyspace.set(late, StringValue.of("v"), clock.getAsLong() + 200);
        keyspace.expireAt(early, clock.getAsLong() + 300);
        clock.advance(250);
        assertEquals(1, keyspace.activeExpireCycle(10));
        assertTrue(keyspace.exists(early));
        assertFalse(keyspace.exists(late));
    }
}

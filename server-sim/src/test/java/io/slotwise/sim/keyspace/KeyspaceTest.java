package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class KeyspaceTest {
    private final FakeClock clock = new FakeClock(1_000_000);
    private final Keyspace keyspace = new Keyspace(clock, new SplittableRandom(42));
    private final RecordingListener listener = new RecordingListener();

    KeyspaceTest() {
        keyspace.addListener(listener);
    }

    @Test
    void typedAccessorsRejectOtherTypesWithRedisWrongTypeMessage() {
        Key hashKey = Key.of("h");
        keyspace.set(hashKey, nonEmptyHash());
        keyspace.set(Key.of("s"), StringValue.of("v"));
        List<Consumer<Key>> nonHashAccessors = List.of(
                keyspace::getString,
                keyspace::getList,
                keyspace::getSet,
                keyspace::getSortedSet,
                keyspace::getOrCreateList,
                keyspace::getOrCreateSet,
                keyspace::getOrCreateSortedSet);
        for (Consumer<Key> accessor : nonHashAccessors) {
            WrongTypeException e = assertThrows(WrongTypeException.class, () -> accessor.accept(hashKey));
            assertEquals("WRONGTYPE Operation against a key holding the wrong kind of value", e.getMessage());
        }
        assertThrows(WrongTypeException.class, () -> keyspace.getOrCreateHash(Key.of("s")));
        assertEquals(1, keyspace.getOrCreateHash(hashKey).size());
        assertEquals("v", keyspace.getString(Key.of("s")).bytes().toUtf8());
        assertEquals(2, keyspace.size());
    }

    @Test
    void absentKeysReadAsNullAndNone() {
        Key missing = Key.of("missing");
        assertNull(keyspace.get(missing));
        assertNull(keyspace.getString(missing));
        assertNull(keyspace.getSortedSet(missing));
        assertNull(keyspace.type(missing));
        assertFalse(keyspace.exists(missing));
        assertFalse(keyspace.delete(missing));
        assertEquals(List.of(), listener.events);
    }

    @Test
    void typeReportsRedisTypeNames() {
        Map<String, Value> values = new HashMap<>();
        values.put("string", StringValue.of(""));
        values.put("list", nonEmptyList());
        values.put("set", nonEmptySet());
        values.put("zset", nonEmptySortedSet());
        values.put("hash", nonEmptyHash());
        values.forEach((name, value) -> keyspace.set(Key.of(name), value));
        values.keySet()
                .forEach(name -> assertEquals(name, keyspace.type(Key.of(name)).redisName()));
        assertEquals(ValueType.ZSET, ValueType.fromRedisName("ZSET"));
        assertEquals(ValueType.STREAM, ValueType.fromRedisName("stream"));
        assertNull(ValueType.fromRedisName("vectorset"));
    }

    @Test
    void emptiedCollectionIsRemovedOnMarkModified() {
        Key key = Key.of("set");
        SetValue set = keyspace.getOrCreateSet(key);
        set.add(Bytes.of("m"));
        keyspace.markModified(key);
        set.remove(Bytes.of("m"));
        keyspace.markModified(key);
        assertFalse(keyspace.exists(key));
        assertEquals(0, keyspace.countKeysInSlot(key.slot()));
        assertEquals(List.of("WRITTEN set", "DELETED set"), listener.events);
        assertThrows(IllegalStateException.class, () -> keyspace.markModified(key));
    }

    @Test
    void storingAnEmptyCollectionDeletesTheKey() {
        Key key = Key.of("dst");
        keyspace.set(key, StringValue.of("old"));
        keyspace.set(key, new SetValue());
        assertFalse(keyspace.exists(key));
        keyspace.setKeepTtl(key, new HashValue());
        keyspace.set(key, new ListValue(), clock.getAsLong() + 1_000);
        assertEquals(0, keyspace.size());
        assertEquals(List.of("WRITTEN dst", "DELETED dst"), listener.events);
    }

    @Test
    void setReplacesAnyTypeAndClearsTtlWhileSetKeepTtlKeepsIt() {
        Key key = Key.of("k");
        keyspace.set(key, nonEmptyHash(), clock.getAsLong() + 10_000);
        keyspace.setKeepTtl(key, StringValue.of("v1"));
        assertEquals(10_000, keyspace.pttl(key));
        keyspace.set(key, StringValue.of("v2"));
        assertEquals(-1, keyspace.pttl(key));
        assertEquals(List.of("WRITTEN k", "WRITTEN k", "WRITTEN k"), listener.events);
        assertEquals(1, keyspace.size());
    }

    @Test
    void renameMovesValueAndTtlAndReplacesTarget() {
        Key source = Key.of("{t}src");
        Key target = Key.of("{t}dst");
        keyspace.set(source, StringValue.of("v"), clock.getAsLong() + 5_000);
        keyspace.set(target, nonEmptySet());
        listener.drain();

        assertTrue(keyspace.rename(source, target));
        assertFalse(keyspace.exists(source));
        assertEquals("v", keyspace.getString(target).bytes().toUtf8());
        assertEquals(5_000, keyspace.pttl(target));
        assertEquals(List.of("RENAMED_FROM {t}src", "RENAMED_TO {t}dst"), listener.drain());
        assertEquals(1, keyspace.countKeysInSlot(target.slot()));
        assertEquals(1, keyspace.expiringKeyCount());

        assertTrue(keyspace.rename(target, target));
        assertFalse(keyspace.rename(source, target));
        assertEquals(List.of(), listener.drain());
    }

    @Test
    void copyIsDeepKeepsTtlAndRespectsReplace() {
        Key source = Key.of("src");
        Key target = Key.of("dst");
        keyspace.set(source, nonEmptyHash(), clock.getAsLong() + 7_000);
        keyspace.set(target, StringValue.of("occupied"));

        assertFalse(keyspace.copy(source, target, false));
        assertEquals(ValueType.STRING, keyspace.type(target));
        assertTrue(keyspace.copy(source, target, true));
        assertEquals(7_000, keyspace.pttl(target));
        HashValue copied = keyspace.getOrCreateHash(target);
        assertNotSame(keyspace.getHash(source), copied);
        copied.put(Bytes.of("extra"), Bytes.of("x"));
        keyspace.markModified(target);
        assertEquals(1, keyspace.getHash(source).size());
        assertFalse(keyspace.copy(Key.of("absent"), target, true));
        assertThrows(IllegalArgumentException.class, () -> keyspace.copy(source, source, true));
    }

    @Test
    void flushRemovesEverythingAndReportsRemovedKeysOnce() {
        keyspace.set(Key.of("a"), StringValue.of("1"), clock.getAsLong() + 1_000);
        keyspace.set(Key.of("b"), StringValue.of("2"));
        listener.drain();
        long before = keyspace.modificationCount();

        assertEquals(2, keyspace.flush());
        assertEquals(List.of("FLUSHED [a, b]"), listener.drain());
        assertTrue(keyspace.modificationCount() > before);
        assertEquals(0, keyspace.size());
        assertEquals(0, keyspace.expiringKeyCount());
        assertEquals(0, keyspace.countKeysInSlot(Key.of("a").slot()));
        assertNull(keyspace.randomKey());
        assertEquals(List.of(), keyspace.keys(utf8("*")));
    }

    @Test
    void slotQueriesListNewestKeysFirstAndCountExactly() {
        List<Key> inserted = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Key key = Key.of("{slot}" + i);
            inserted.add(key);
            keyspace.set(key, StringValue.of("v"));
        }
        keyspace.set(Key.of("other"), StringValue.of("v"));
        int slot = inserted.get(0).slot();
        assertEquals(50, keyspace.countKeysInSlot(slot));
        assertEquals(List.of(inserted.get(49), inserted.get(48), inserted.get(47)), keyspace.getKeysInSlot(slot, 3));
        assertEquals(50, keyspace.getKeysInSlot(slot, 1000).size());
        assertEquals(List.of(), keyspace.getKeysInSlot(slot, 0));
        assertThrows(IllegalArgumentException.class, () -> keyspace.countKeysInSlot(16384));
        assertThrows(IllegalArgumentException.class, () -> keyspace.getKeysInSlot(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> keyspace.getKeysInSlot(slot, -1));

        assertEquals(50, keyspace.deleteKeysInSlot(slot));
        assertEquals(0, keyspace.countKeysInSlot(slot));
        assertEquals(1, keyspace.size());
    }

    @Test
    void keysMatchesGlobAndStarIncludesTheEmptyKey() {
        for (String name : List.of("", "user:1", "user:2", "order:1")) {
            keyspace.set(Key.of(name), StringValue.of("v"));
        }
        assertEquals(4, keyspace.keys(utf8("*")).size());
        assertEquals(List.of("user:1", "user:2"), sortedNames(keyspace.keys(utf8("user:*"))));
        assertEquals(List.of("order:1", "user:1"), sortedNames(keyspace.keys(utf8("*:1"))));
        assertEquals(List.of(), keyspace.keys(utf8("nothing*")));
    }

    @Test
    void randomKeyIsUniformAcrossSlots() {
        List<Key> keys = List.of(Key.of("a"), Key.of("b"), Key.of("{a}x"), Key.of("{a}y"));
        keys.forEach(key -> keyspace.set(key, StringValue.of("v")));
        Map<Key, Integer> hits = new HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            hits.merge(keyspace.randomKey(), 1, Integer::sum);
        }
        assertEquals(keys.size(), hits.size());
        hits.values().forEach(count -> assertTrue(count > 9_000 && count < 11_000, hits.toString()));
    }

    @Test
    void modificationCountMovesOnEveryChangeButNotOnReads() {
        Key key = Key.of("k");
        long start = keyspace.modificationCount();
        keyspace.set(key, StringValue.of("v"));
        long afterWrite = keyspace.modificationCount();
        keyspace.get(key);
        keyspace.exists(key);
        keyspace.pttl(key);
        assertEquals(afterWrite, keyspace.modificationCount());
        keyspace.expireAt(key, clock.getAsLong() + 100);
        keyspace.persist(key);
        keyspace.delete(key);
        assertEquals(start + 4, keyspace.modificationCount());
    }

    @Test
    void removedListenerHearsNothingFurther() {
        keyspace.removeListener(listener);
        keyspace.set(Key.of("k"), StringValue.of("v"));
        assertEquals(List.of(), listener.events);
    }

    @Test
    void keysKeepTheirOwnCopyOfTheName() {
        byte[] name = utf8("abc");
        Key key = Key.of(name);
        name[0] = 'z';
        assertEquals("abc", key.toString());
        assertEquals(Key.of("abc"), key);
        assertEquals("a\\x00\\xff", Key.of(new byte[] {'a', 0, (byte) 0xFF}).toString());
        assertSame(Bytes.EMPTY, Bytes.of(new byte[0]));
    }

    private static ListValue nonEmptyList() {
        ListValue list = new ListValue();
        list.pushLast(Bytes.of("e"));
        return list;
    }

    private static SetValue nonEmptySet() {
        SetValue set = new SetValue();
        set.add(Bytes.of("m"));
        return set;
    }

    private static SortedSetValue nonEmptySortedSet() {
        SortedSetValue zset = new SortedSetValue();
        zset.add(Bytes.of("m"), 1);
        return zset;
    }

    private static HashValue nonEmptyHash() {
        HashValue hash = new HashValue();
        hash.put(Bytes.of("f"), Bytes.of("v"));
        return hash;
    }

    private static List<String> sortedNames(List<Key> keys) {
        List<String> names = new ArrayList<>();
        keys.forEach(key -> names.add(key.toString()));
        names.sort(null);
        return names;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives a keyspace and a deliberately naive reference model with the same random operations and checks that sizes,
 * per-slot counts, per-slot key order (newest first), TTLs and values agree throughout.
 */
class KeyspaceModelTest {
    private static final List<String> NAMES = names();

    /** The model's view of one key: a string or a set, an optional expiry, and its creation order. */
    private static final class ModelEntry {
        String string;
        Set<String> set;
        Long expireAt;
        long created;
    }

    private final FakeClock clock = new FakeClock(100_000);
    private final Keyspace keyspace = new Keyspace(clock, new SplittableRandom(9));
    private final Map<String, ModelEntry> model = new HashMap<>();
    private long creations;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void randomOperationsKeepSlotIndexExpiryAndValuesConsistentWithModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int step = 0; step < 6_000; step++) {
            String name = NAMES.get(random.nextInt(NAMES.size()));
            String other = NAMES.get(random.nextInt(NAMES.size()));
            applyRandomOperation(random, name, other);
            assertEquals(model.size(), keyspace.size(), "size after step " + step);
            assertEquals(
                    countInSlot(Key.of(name).slot()),
                    keyspace.countKeysInSlot(Key.of(name).slot()));
            assertEquals(
                    countInSlot(Key.of(other).slot()),
                    keyspace.countKeysInSlot(Key.of(other).slot()));
            if (step % 250 == 0) {
                assertIndexesAgree();
            }
        }
        assertIndexesAgree();
        assertValuesAgree();
    }

    private void applyRandomOperation(SplittableRandom random, String name, String other) {
        Key key = Key.of(name);
        long now = clock.getAsLong();
        switch (random.nextInt(14)) {
            case 0:
            case 1:
                boolean withTtl = random.nextBoolean();
                long expireAt = now + 1 + random.nextInt(100);
                if (withTtl) {
                    keyspace.set(key, StringValue.of("v" + now), expireAt);
                } else {
                    keyspace.set(key, StringValue.of("v" + now));
                }
                ModelEntry written = createOrReuse(name);
                written.string = "v" + now;
                written.set = null;
                written.expireAt = withTtl ? expireAt : null;
                break;
            case 2:
                keyspace.setKeepTtl(key, StringValue.of("k" + now));
                ModelEntry kept = createOrReuse(name);
                kept.string = "k" + now;
                kept.set = null;
                break;
            case 3:
                assertEquals(live(name) != null, keyspace.delete(key));
                model.remove(name);
                break;
            case 4:
                ModelEntry source = live(name);
                assertEquals(source != null, keyspace.rename(key, Key.of(other)));
                if (source != null && !name.equals(other)) {
                    live(other);
                    model.remove(name);
                    source.created = ++creations;
                    model.put(other, source);
                }
                break;
            case 5:
                if (!name.equals(other)) {
                    boolean replace = random.nextBoolean();
                    ModelEntry from = live(name);
                    ModelEntry to = from == null ? null : live(other);
                    boolean copies = from != null && (to == null || replace);
                    assertEquals(copies, keyspace.copy(key, Key.of(other), replace));
                    if (copies) {
                        ModelEntry copy = new ModelEntry();
                        copy.string = from.string;
                        copy.set = from.set == null ? null : new HashSet<>(from.set);
                        copy.expireAt = from.expireAt;
                        copy.created = ++creations;
                        model.put(other, copy);
                    }
                }
                break;
            case 6:
                long when = now - 5 + random.nextInt(100);
                ModelEntry expiring = live(name);
                assertEquals(expiring != null, keyspace.expireAt(key, when));
                if (expiring != null && when <= now) {
                    model.remove(name);
                } else if (expiring != null) {
                    expiring.expireAt = when;
                }
                break;
            case 7:
                ModelEntry persisted = live(name);
                boolean hadTtl = persisted != null && persisted.expireAt != null;
                assertEquals(hadTtl, keyspace.persist(key));
                if (hadTtl) {
                    persisted.expireAt = null;
                }
                break;
            case 8:
            case 9:
                String member = "m" + random.nextInt(4);
                ModelEntry target = live(name);
                if (target != null && target.string != null) {
                    assertThrows(WrongTypeException.class, () -> keyspace.getOrCreateSet(key));
                    break;
                }
                if (keyspace.getOrCreateSet(key).add(Bytes.of(member))) {
                    keyspace.markModified(key);
                }
                ModelEntry set = createOrReuse(name);
                set.set = set.set == null ? new HashSet<>() : set.set;
                set.set.add(member);
                break;
            case 10:
                String removed = "m" + random.nextInt(4);
                ModelEntry holder = live(name);
                if (holder != null && holder.string != null) {
                    assertThrows(WrongTypeException.class, () -> keyspace.getSet(key));
                } else if (holder != null && holder.set.remove(removed)) {
                    keyspace.getSet(key).remove(Bytes.of(removed));
                    keyspace.markModified(key);
                    if (holder.set.isEmpty()) {
                        model.remove(name);
                    }
                } else {
                    SetValue actual = keyspace.getSet(key);
                    assertEquals(holder == null, actual == null);
                }
                break;
            case 11:
                clock.advance(random.nextInt(30));
                break;
            case 12:
                int expected = (int) model.values().stream()
                        .filter(e -> e.expireAt != null && clock.getAsLong() > e.expireAt)
                        .count();
                assertEquals(expected, keyspace.activeExpireCycle(Integer.MAX_VALUE));
                model.values().removeIf(e -> e.expireAt != null && clock.getAsLong() > e.expireAt);
                break;
            default:
                if (random.nextInt(40) == 0) {
                    int slot = key.slot();
                    assertEquals(countInSlot(slot), keyspace.deleteKeysInSlot(slot));
                    model.keySet().removeIf(n -> Key.of(n).slot() == slot);
                } else if (random.nextInt(40) == 0) {
                    assertEquals(model.size(), keyspace.flush());
                    model.clear();
                } else {
                    ModelEntry probed = live(name);
                    long expectedPttl = probed == null ? -2 : probed.expireAt == null ? -1 : probed.expireAt - now;
                    assertEquals(expectedPttl, keyspace.pttl(key));
                }
        }
    }

    /** Applies lazy expiry to {@code name} in the model, as the keyspace does on access; returns the live entry. */
    private ModelEntry live(String name) {
        ModelEntry entry = model.get(name);
        if (entry != null && entry.expireAt != null && clock.getAsLong() > entry.expireAt) {
            model.remove(name);
            return null;
        }
        return entry;
    }

    private ModelEntry createOrReuse(String name) {
        ModelEntry entry = live(name);
        if (entry == null) {
            entry = new ModelEntry();
            entry.created = ++creations;
            model.put(name, entry);
        }
        return entry;
    }

    private int countInSlot(int slot) {
        return (int)
                model.keySet().stream().filter(n -> Key.of(n).slot() == slot).count();
    }

    private void assertIndexesAgree() {
        Set<Integer> slots = new TreeSet<>();
        NAMES.forEach(n -> slots.add(Key.of(n).slot()));
        for (int slot : slots) {
            List<Key> expected = new ArrayList<>();
            model.entrySet().stream()
                    .filter(e -> Key.of(e.getKey()).slot() == slot)
                    .sorted(Comparator.comparingLong(e -> -e.getValue().created))
                    .forEach(e -> expected.add(Key.of(e.getKey())));
            assertEquals(expected, keyspace.getKeysInSlot(slot, 1_000), "slot " + slot);
        }
        long expiring = model.values().stream().filter(e -> e.expireAt != null).count();
        assertEquals(expiring, keyspace.expiringKeyCount());
    }

    private void assertValuesAgree() {
        for (String name : NAMES) {
            ModelEntry expected = live(name);
            Value actual = keyspace.get(Key.of(name));
            if (expected == null) {
                assertEquals(null, actual, name);
            } else if (expected.string != null) {
                assertEquals(StringValue.of(expected.string), actual, name);
            } else {
                Set<String> members = new HashSet<>();
                ((SetValue) actual).members().forEach(m -> members.add(m.toUtf8()));
                assertEquals(expected.set, members, name);
            }
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add("{a}" + i);
            names.add("{b}" + i);
        }
        for (int i = 0; i < 24; i++) {
            names.add("key" + i);
        }
        return names;
    }
}

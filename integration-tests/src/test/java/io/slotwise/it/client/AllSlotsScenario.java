package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.api.AsyncCommands;
import io.slotwise.routing.SlotHash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;

/**
 * A deterministic scenario over the whole key space, runnable against any {@link ClusterBackend}: one key in every one
 * of the 16384 slots goes through {@code SET}, {@code GET}, {@code MGET} (shuffled, with missing keys and duplicates),
 * {@code DEL}, {@code MSET}, {@code EXISTS}, and {@code DEL} again, the multi-key commands spanning every slot at once.
 * Every reply goes into one {@link ReplyTranscript}, and the reply a map-backed model predicts into another. The keys,
 * values and order are fixed, so every back-end that answers correctly yields the same transcript digest: a
 * differential test can run it against two back-ends and compare {@link Outcome#actual()} digests.
 *
 * <p>Between the two {@code DEL}s it also asserts that each primary holds exactly the keys of the slots it owns.
 */
public final class AllSlotsScenario {

    private static final int MISSING_KEYS = 100;
    private static final int DUPLICATES = 50;
    private static final long SHUFFLE_SEED = 16384;
    private static final int PLACEMENT_SAMPLE_STRIDE = 61;

    /**
     * The transcripts of one run.
     *
     * @param actual the replies the client returned
     * @param expected the replies the model predicts
     */
    public record Outcome(ReplyTranscript actual, ReplyTranscript expected) {}

    private final ClusterBackend backend;

    private AllSlotsScenario(ClusterBackend backend) {
        this.backend = backend;
    }

    /**
     * Runs the scenario with a fresh client against a back-end whose cluster holds none of its keys, and deletes every
     * key it wrote.
     *
     * @return both transcripts; they are equal if the client and the back-end behaved correctly
     * @throws AssertionError if a call fails, or a primary does not hold exactly the keys of its slots
     */
    public static Outcome run(ClusterBackend backend) {
        return new AllSlotsScenario(backend).run();
    }

    private Outcome run() {
        List<String> keys = KeyPerSlot.everySlot("all-slots:");
        List<String> missing = KeyPerSlot.matching("all-slots:missing:", MISSING_KEYS, slot -> true);
        Map<String, String> model = new HashMap<>();
        ReplyTranscript actual = new ReplyTranscript();
        ReplyTranscript expected = new ReplyTranscript();
        Random random = new Random(SHUFFLE_SEED);

        try (ObservedClient observed = ObservedClient.connect(backend)) {
            AsyncCommands<String, String> client = observed.commands();

            List<CompletionStage<String>> sets = new ArrayList<>();
            keys.forEach(key -> sets.add(client.set(key, value(1, key))));
            for (int slot = 0; slot < keys.size(); slot++) {
                String key = keys.get(slot);
                actual.add("SET " + key, Calls.value(sets.get(slot)));
                model.put(key, value(1, key));
                expected.add("SET " + key, "OK");
            }

            List<CompletionStage<String>> gets = new ArrayList<>();
            keys.forEach(key -> gets.add(client.get(key)));
            for (int slot = 0; slot < keys.size(); slot++) {
                actual.add("GET " + keys.get(slot), Calls.value(gets.get(slot)));
                expected.add("GET " + keys.get(slot), model.get(keys.get(slot)));
            }

            List<String> shuffled = new ArrayList<>(keys);
            shuffled.addAll(missing);
            shuffled.addAll(keys.subList(0, DUPLICATES));
            Collections.shuffle(shuffled, random);
            mget("MGET shuffled with missing keys and duplicates", shuffled, client, model, actual, expected);

            List<String> evenSlotKeys = new ArrayList<>();
            for (int slot = 0; slot < keys.size(); slot += 2) {
                evenSlotKeys.add(keys.get(slot));
            }
            evenSlotKeys.addAll(missing);
            Collections.shuffle(evenSlotKeys, random);
            del("DEL even slots and missing keys", evenSlotKeys, client, model, actual, expected);
            mget("MGET slot order after DEL", keys, client, model, actual, expected);

            Map<String, String> pairs = new LinkedHashMap<>();
            List<String> msetOrder = new ArrayList<>(keys);
            Collections.shuffle(msetOrder, random);
            msetOrder.forEach(key -> pairs.put(key, value(2, key)));
            actual.add("MSET all slots", Calls.value(client.mset(pairs)));
            model.putAll(pairs);
            expected.add("MSET all slots", "OK");

            List<String> existsKeys = new ArrayList<>(keys);
            existsKeys.addAll(missing);
            actual.add("EXISTS all slots and missing keys", Calls.value(client.exists(existsKeys)));
            expected.add(
                    "EXISTS all slots and missing keys",
                    existsKeys.stream().filter(model::containsKey).count());
            mget("MGET slot order after MSET", keys, client, model, actual, expected);

            assertEachNodeHoldsTheKeysOfItsSlots(keys, model);

            del("DEL all slots and missing keys", existsKeys, client, model, actual, expected);
            actual.add("EXISTS after DEL", Calls.value(client.exists(existsKeys)));
            expected.add("EXISTS after DEL", 0L);
        }

        return new Outcome(actual, expected);
    }

    /** DBSIZE of every primary equals the number of keys in its slots, and a sample reads back on the owner itself. */
    private void assertEachNodeHoldsTheKeysOfItsSlots(List<String> keys, Map<String, String> model) {
        SlotOwners owners = SlotOwners.read(backend, backend.primaries().get(0));
        Map<BackendNode, Long> expectedSizes = new HashMap<>();
        keys.forEach(key -> expectedSizes.merge(owners.owner(SlotHash.slot(key)), 1L, Long::sum));
        for (BackendNode primary : backend.primaries()) {
            assertEquals(
                    expectedSizes.getOrDefault(primary, 0L),
                    backend.call(primary, "DBSIZE").integer(),
                    "keys held by " + primary);
        }
        for (int slot = 0; slot < keys.size(); slot += PLACEMENT_SAMPLE_STRIDE) {
            String key = keys.get(slot);
            assertEquals(
                    model.get(key),
                    backend.call(owners.owner(slot), "GET", key).text(),
                    "slot " + slot + " on its owner " + owners.owner(slot));
        }
    }

    private static void mget(
            String step,
            List<String> keys,
            AsyncCommands<String, String> client,
            Map<String, String> model,
            ReplyTranscript actual,
            ReplyTranscript expected) {
        actual.add(step, Calls.value(client.mget(keys)));
        expected.add(step, keys.stream().map(model::get).toList());
    }

    private static void del(
            String step,
            List<String> keys,
            AsyncCommands<String, String> client,
            Map<String, String> model,
            ReplyTranscript actual,
            ReplyTranscript expected) {
        actual.add(step, Calls.value(client.del(keys)));
        expected.add(step, keys.stream().filter(model::containsKey).count());
        keys.forEach(model::remove);
    }

    /** The value of {@code key} in generation {@code generation}; non-ASCII, so UTF-8 round trips are covered. */
    private static String value(int generation, String key) {
        return "v" + generation + "\u00b7" + key + "\u00b7\u00fc\u20ac";
    }
}

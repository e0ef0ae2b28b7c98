package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.event.RedirectKind;
import io.slotwise.routing.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A slot migrated with {@code SETSLOT}/{@code MIGRATE} (as {@code redis-cli} does it, one batch of keys at a time)
 * while eight threads read and write keys of that slot and of others through one client: no error reaches a caller,
 * every value reads back at the end, and the client followed both {@code ASK} (keys already moved, and keys created
 * while the slot is migrating) and {@code MOVED} (after the slot changed owner). Half of the slot's keys exist before
 * the migration starts; the workers write the slot's keys first, so the other half is created during it.
 */
public abstract class SlotMigrationBehaviour {

    private static final int WORKERS = 8;
    private static final String HASH_TAG = "migrating";
    private static final int KEYS_IN_SLOT = 400;
    private static final int OTHER_KEYS = 800;
    private static final int BATCH = 10;
    private static final int CALLS_BETWEEN_BATCHES = 100;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected SlotMigrationBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void slotMigratedUnderLoadLosesNoWriteAndTheClientFollowsAskThenMoved() {
        int slot = SlotHash.slot(HASH_TAG);
        BackendNode source = backend.slotOwner(slot);
        BackendNode target = backend.primaries().stream()
                .filter(node -> !node.equals(source))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("needs two primaries"));
        List<String> slotKeys = new ArrayList<>();
        for (int i = 0; i < KEYS_IN_SLOT; i++) {
            slotKeys.add("{" + HASH_TAG + "}:" + i);
        }
        List<String> otherKeys = KeyPerSlot.matching("migration-other:", OTHER_KEYS, other -> other != slot);
        List<List<String>> keysPerWorker = KeyspaceLoad.partition(slotKeys, WORKERS);
        List<List<String>> otherPerWorker = KeyspaceLoad.partition(otherKeys, WORKERS);
        Map<String, String> initial = new LinkedHashMap<>();
        for (int i = 0; i < slotKeys.size(); i += 2) {
            initial.put(slotKeys.get(i), "initial:" + slotKeys.get(i));
        }
        otherKeys.forEach(key -> initial.put(key, "initial:" + key));
        for (int i = 0; i < WORKERS; i++) {
            keysPerWorker.get(i).addAll(otherPerWorker.get(i));
        }
        int keyCount = slotKeys.size() + otherKeys.size();

        try (ObservedClient observed = ObservedClient.connect(backend)) {
            assertEquals("OK", Calls.value(observed.commands().mset(initial)));
            long started = System.nanoTime();
            try (KeyspaceLoad load = KeyspaceLoad.start(
                    "migration",
                    observed.commands(),
                    keysPerWorker,
                    initial,
                    (key, write, startedNanos, finishedNanos) -> {})) {
                awaitProgress(load, CALLS_BETWEEN_BATCHES);

                SlotMigration migration = backend.beginMigration(slot, source, target);
                while (migration.migrateBatch(BATCH) > 0) {
                    if (migration.keysMoved() <= BATCH) {
                        Await.until(
                                "the client followed an ASK for a key already moved",
                                STEP_TIMEOUT,
                                () -> observed.redirects(RedirectKind.ASK) > 0,
                                load::summary);
                    }
                    awaitProgress(load, CALLS_BETWEEN_BATCHES);
                }
                migration.finish(backend.primaries());
                Await.until(
                        "the client followed a MOVED for the migrated slot",
                        STEP_TIMEOUT,
                        () -> observed.redirects(RedirectKind.MOVED) > 0,
                        load::summary);
                awaitProgress(load, 10 * CALLS_BETWEEN_BATCHES);
                Await.until(
                        "every key was written at least once",
                        STEP_TIMEOUT,
                        () -> load.distinctKeysWritten() == keyCount,
                        load::summary);
                load.stop();

                System.out.printf(
                        "[%s] slot %d migrated in batches of %d (%d keys moved by MIGRATE) under %d threads in %d ms: %s;"
                                + " redirects followed: %d ASK, %d MOVED%n",
                        backend.description(),
                        slot,
                        BATCH,
                        migration.keysMoved(),
                        WORKERS,
                        (System.nanoTime() - started) / 1_000_000,
                        load.summary(),
                        observed.redirects(RedirectKind.ASK),
                        observed.redirects(RedirectKind.MOVED));
                assertTrue(load.failures().isEmpty(), () -> "errors reached callers: " + load.summary());
                assertEquals(List.of(), load.readBackMismatches(observed.commands()));
                assertTrue(
                        migration.keysMoved() >= KEYS_IN_SLOT / 2,
                        () -> "MIGRATE moved " + migration.keysMoved() + " keys; " + KEYS_IN_SLOT / 2 + " existed");
            }
        }
        assertEquals(target, backend.slotOwner(slot), "owner of slot " + slot);
        assertEquals(
                KEYS_IN_SLOT,
                backend.call(target, "CLUSTER", "COUNTKEYSINSLOT", slot).integer());
        assertEquals(0, backend.call(source, "CLUSTER", "COUNTKEYSINSLOT", slot).integer());
    }

    private static void awaitProgress(KeyspaceLoad load, int calls) {
        long before = load.successes();
        Await.until(
                calls + " more successful calls",
                STEP_TIMEOUT,
                () -> load.successes() >= before + calls,
                load::summary);
    }
}

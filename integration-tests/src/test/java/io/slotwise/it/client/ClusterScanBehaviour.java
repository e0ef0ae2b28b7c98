package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.ScanArgs;
import io.slotwise.event.RedirectKind;
import io.slotwise.routing.SlotHash;
import io.slotwise.value.ClusterScanCursor;
import io.slotwise.value.ClusterScanPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The cluster-wide scan while slots move: a scan of every key (page by page, {@code MATCH} on a prefix) during which
 * one slot is migrated completely (read after its move: {@code MOVED}) and another is read while half its keys have
 * moved ({@code ASK}: both nodes are listed) returns every key exactly once.
 */
public abstract class ClusterScanBehaviour {

    private static final int SPREAD_KEYS = 1500;
    private static final int KEYS_PER_MOVING_SLOT = 100;

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected ClusterScanBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void aScanWhileSlotsMigrateReturnsEveryKeyExactlyOnce() {
        String migratingTag = tagWithSlotIn("mig", 8000, 12000);
        String movedTag = tagWithSlotIn("moved", 12000, SlotHash.SLOT_COUNT);
        int migratingSlot = SlotHash.slot(migratingTag);
        int movedSlot = SlotHash.slot(movedTag);
        Map<String, String> keys = new LinkedHashMap<>();
        KeyPerSlot.matching("scan:", SPREAD_KEYS, slot -> true).forEach(key -> keys.put(key, "v"));
        for (int i = 0; i < KEYS_PER_MOVING_SLOT; i++) {
            keys.put("scan:{" + migratingTag + "}:" + i, "v");
            keys.put("scan:{" + movedTag + "}:" + i, "v");
        }
        // No periodic refresh: the client learns of the moved slot from MOVED, as the test expects.
        try (ObservedClient observed =
                ObservedClient.connect(backend, options -> options.topologyRefreshPeriod(Duration.ZERO))) {
            AsyncCommands<String, String> c = observed.commands();
            assertEquals("OK", Calls.value(c.mset(keys)));
            ScanArgs args = ScanArgs.builder().match("scan:*").count(50).build();

            ClusterScanPage<String> first = Calls.value(c.scan(ClusterScanCursor.INITIAL, args));
            assertTrue(first.cursor().nextSlot() < migratingSlot, first::toString);
            List<String> found = new ArrayList<>(first.keys());

            SlotMigration moved = migrate(movedSlot);
            while (moved.migrateBatch(20) > 0) {
                // all of them
            }
            moved.finish(backend.primaries());
            SlotMigration migrating = migrate(migratingSlot);
            assertEquals(KEYS_PER_MOVING_SLOT / 2, migrating.migrateBatch(KEYS_PER_MOVING_SLOT / 2));

            ClusterScanCursor cursor = first.cursor();
            int pages = 1;
            while (!cursor.isFinished()) {
                ClusterScanPage<String> page = Calls.value(c.scan(cursor, args));
                found.addAll(page.keys());
                cursor = page.cursor();
                pages++;
                if (cursor.nextSlot() > migratingSlot && migrating != null) {
                    while (migrating.migrateBatch(20) > 0) {
                        // the rest
                    }
                    migrating.finish(backend.primaries());
                    migrating = null;
                }
            }

            System.out.printf(
                    "[%s] scanned %d keys in %d pages; slot %d moved before its read, slot %d read mid-migration;"
                            + " redirects followed: %d ASK, %d MOVED%n",
                    backend.description(),
                    found.size(),
                    pages,
                    movedSlot,
                    migratingSlot,
                    observed.redirects(RedirectKind.ASK),
                    observed.redirects(RedirectKind.MOVED));
            assertEquals(new TreeSet<>(keys.keySet()), new TreeSet<>(found));
            assertEquals(List.of(), repeated(found));
            assertTrue(observed.redirects(RedirectKind.ASK) > 0, "the migrating slot was read from both nodes");
            assertTrue(observed.redirects(RedirectKind.MOVED) > 0, "the moved slot was read from its new owner");
        }
    }

    private SlotMigration migrate(int slot) {
        BackendNode source = backend.slotOwner(slot);
        BackendNode target = backend.primaries().stream()
                .filter(node -> !node.equals(source))
                .findFirst()
                .orElseThrow();
        return backend.beginMigration(slot, source, target);
    }

    private static String tagWithSlotIn(String prefix, int from, int to) {
        for (int n = 0; ; n++) {
            int slot = SlotHash.slot(prefix + n);
            if (slot >= from && slot < to) {
                return prefix + n;
            }
        }
    }

    private static List<String> repeated(List<String> keys) {
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(key -> counts.merge(key, 1, Integer::sum));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}

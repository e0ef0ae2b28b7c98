package io.slotwise.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The ASK scenario every cluster client must pass, written once for any client: a slot is migrated halfway by hand,
 * the source is checked to really answer ASK for a moved key, and the client must read both the moved keys (through
 * ASK) and the keys still on the source; then the migration finishes and every key reads back.
 */
final class AskDuringMigrationScenario {

    private AskDuringMigrationScenario() {}

    /**
     * Runs the scenario.
     *
     * @param cluster the simulated cluster
     * @param slot the slot to migrate
     * @param set the client's SET
     * @param get the client's GET
     */
    static void run(SimCluster cluster, int slot, BiConsumer<String, String> set, Function<String, String> get) {
        String tag = KeysPerSlot.tag(slot);
        List<String> moved = List.of(tag + "m1", tag + "m2");
        List<String> staying = List.of(tag + "s1", tag + "s2");
        for (String key : moved) {
            set.accept(key, "v-" + key);
        }
        for (String key : staying) {
            set.accept(key, "v-" + key);
        }
        SimClusterNode from = cluster.primaryForSlot(slot).orElseThrow();
        SlotMigrationByHand migration = new SlotMigrationByHand(cluster, slot, from, otherPrimary(cluster, from));

        migration.begin();
        migration.move(moved);
        migration.assertSourceAsksFor(moved.get(0));
        for (String key : moved) {
            assertEquals("v-" + key, get.apply(key), "migrated key through ASK");
        }
        for (String key : staying) {
            assertEquals("v-" + key, get.apply(key), "key still on the source");
        }
        migration.move(staying);
        migration.finish();

        for (String key : moved) {
            assertEquals("v-" + key, get.apply(key));
        }
        for (String key : staying) {
            assertEquals("v-" + key, get.apply(key));
        }
    }

    /** A primary other than {@code from}. */
    static SimClusterNode otherPrimary(SimCluster cluster, SimClusterNode from) {
        return cluster.primaries().stream()
                .filter(node -> !node.id().equals(from.id()))
                .findFirst()
                .orElseThrow();
    }
}

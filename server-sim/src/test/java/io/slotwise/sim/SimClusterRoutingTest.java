package io.slotwise.sim;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.keyspace.KeySlot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keys reach their owner through MOVED, and migrateSlot moves a slot with its keys like redis-cli's reshard. */
class SimClusterRoutingTest {

    @Test
    void setAndGetThroughAnySeedReachEveryPrimaryByFollowingMoved() {
        try (SimCluster cluster =
                        SimCluster.builder().primaries(3).replicasPerPrimary(1).start();
                MovedFollowingClient client =
                        new MovedFollowingClient(cluster.nodes().get(5).port())) {
            for (int i = 0; i < 60; i++) {
                assertEquals(simple("OK"), client.call("SET", "key:" + i, "value:" + i));
            }
            for (int i = 0; i < 60; i++) {
                assertEquals(bulk("value:" + i), client.call("GET", "key:" + i));
            }
            assertTrue(client.redirects() >= 60, "a replica redirects every key: " + client.redirects());
            long total = 0;
            for (SimClusterNode primary : cluster.primaries()) {
                try (RespClient direct = RespClient.connect(primary.port())) {
                    long keys =
                            Long.parseLong(direct.call("DBSIZE").substring(1).trim());
                    assertTrue(keys > 0, primary + " holds no key");
                    total += keys;
                }
            }
            assertEquals(60, total);
        }
    }

    @Test
    void migrateSlotMovesItsKeysAndTheOldOwnerAnswersMoved() {
        try (SimCluster cluster = SimCluster.builder().primaries(3).start()) {
            String key = "{moving}a";
            int slot = KeySlot.of("{moving}".getBytes(StandardCharsets.UTF_8));
            SimClusterNode source = cluster.primaryForSlot(slot).orElseThrow();
            SimClusterNode target = cluster.primaries().stream()
                    .filter(node -> node != source)
                    .findFirst()
                    .orElseThrow();
            try (RespClient from = RespClient.connect(source.port());
                    RespClient to = RespClient.connect(target.port())) {
                for (int i = 0; i < 25; i++) {
                    assertEquals(simple("OK"), from.call("SET", "{moving}" + i, "v" + i));
                }
                assertEquals(simple("OK"), from.call("SET", key, "value"));

                cluster.migrateSlot(slot, source, target);

                assertEquals(target, cluster.primaryForSlot(slot).orElseThrow());
                String moved = "MOVED " + slot + " 127.0.0.1:" + target.port();
                assertEquals(error(moved), from.call("GET", key));
                assertEquals(integer(0), from.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)));
                assertEquals(integer(26), to.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)));
                assertEquals(bulk("value"), to.call("GET", key));
                assertEquals(bulk("v7"), to.call("GET", "{moving}7"));
            }
            SimClusterNode bystander = cluster.primaries().stream()
                    .filter(node -> node != source && node != target)
                    .findFirst()
                    .orElseThrow();
            try (RespClient other = RespClient.connect(bystander.port())) {
                assertEquals(error("MOVED " + slot + " 127.0.0.1:" + target.port()), other.call("GET", key));
            }
            cluster.awaitHealthy(Duration.ofSeconds(15));
            assertNotEquals(source, cluster.primaryForSlot(slot).orElseThrow());
        }
    }

    @Test
    void slotClaimedByAPrimaryWithAGreaterEpochIsDroppedWithItsKeysByTheOldOwner() {
        try (SimCluster cluster = SimCluster.builder().primaries(2).start()) {
            SimClusterNode oldOwner = cluster.nodes().get(0);
            SimClusterNode claimer = cluster.nodes().get(1);
            String tag = tagInSlots(0, 8191);
            int slot = KeySlot.of(tag.getBytes(StandardCharsets.UTF_8));
            assertEquals(oldOwner, cluster.primaryForSlot(slot).orElseThrow(), "slot " + slot + " starts on node 0");
            try (RespClient owner = RespClient.connect(oldOwner.port());
                    RespClient other = RespClient.connect(claimer.port())) {
                assertEquals(simple("OK"), owner.call("SET", "{" + tag + "}k", "v"));
                assertEquals(simple("OK"), owner.call("SET", "elsewhere", "stays"));
                // A cold takeover, as redis-cli's fix does it: the claimer has config epoch 2, the owner 1.
                assertEquals(
                        simple("OK"), other.call("CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", claimer.id()));
                Eventually.until(
                        "the old owner to give the slot up",
                        () -> owner.call("GET", "{" + tag + "}k")
                                .equals(error("MOVED " + slot + " 127.0.0.1:" + claimer.port())));
                assertEquals(integer(0), owner.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)));
                assertEquals(integer(1), owner.call("DBSIZE"), "only the keys of the lost slot are deleted");
            }
        }
    }

    /** The first tag {@code d<n>} whose slot is in {@code [from, to]}. */
    private static String tagInSlots(int from, int to) {
        for (int i = 0; ; i++) {
            int slot = KeySlot.of(("d" + i).getBytes(StandardCharsets.UTF_8));
            if (slot >= from && slot <= to) {
                return "d" + i;
            }
        }
    }
}

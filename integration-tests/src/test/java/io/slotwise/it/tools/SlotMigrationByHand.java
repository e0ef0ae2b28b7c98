package io.slotwise.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.it.fixture.AdminConnection;
import io.slotwise.it.fixture.RespReply;
import io.slotwise.sim.SimCluster;
import io.slotwise.sim.SimClusterNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves one slot between two primaries step by step over admin connections, the way redis-cli does, so that a test
 * can stop halfway (slot MIGRATING on the source, IMPORTING on the target, some keys moved) and look at how a client
 * copes with ASK. Not thread-safe.
 */
final class SlotMigrationByHand {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SimCluster cluster;
    private final int slot;
    private final SimClusterNode source;
    private final SimClusterNode target;

    SlotMigrationByHand(SimCluster cluster, int slot, SimClusterNode source, SimClusterNode target) {
        this.cluster = cluster;
        this.slot = slot;
        this.source = source;
        this.target = target;
    }

    /** Marks the slot IMPORTING on the target and MIGRATING on the source. */
    void begin() {
        try (AdminConnection to = AdminConnection.open(target.port(), TIMEOUT);
                AdminConnection from = AdminConnection.open(source.port(), TIMEOUT)) {
            assertEquals("OK", to.text("CLUSTER", "SETSLOT", slot, "IMPORTING", source.id()));
            assertEquals("OK", from.text("CLUSTER", "SETSLOT", slot, "MIGRATING", target.id()));
        }
    }

    /** MIGRATEs {@code keys} (all in the slot) from the source to the target. */
    void move(List<String> keys) {
        List<Object> args = new ArrayList<>(List.of("MIGRATE", "127.0.0.1", target.port(), "", 0, 5000, "KEYS"));
        args.addAll(keys);
        try (AdminConnection from = AdminConnection.open(source.port(), TIMEOUT)) {
            RespReply reply = from.call(args.toArray());
            assertEquals("OK", reply.text(), () -> "MIGRATE answered " + reply);
        }
    }

    /**
     * Asserts that the source answers a read of {@code key} (already moved) with an ASK to the target, so that a
     * client reading it must follow ASK.
     */
    void assertSourceAsksFor(String key) {
        try (AdminConnection from = AdminConnection.open(source.port(), TIMEOUT)) {
            RespReply reply = from.call("GET", key);
            assertEquals(
                    new RespReply.ErrorReply("ASK " + slot + " 127.0.0.1:" + target.port()),
                    reply,
                    "the source's answer to GET " + key);
        }
    }

    /** Assigns the slot to the target on the target, the source and every other primary. */
    void finish() {
        List<SimClusterNode> order = new ArrayList<>(List.of(target, source));
        cluster.primaries().stream().filter(node -> !order.contains(node)).forEach(order::add);
        for (SimClusterNode node : order) {
            try (AdminConnection connection = AdminConnection.open(node.port(), TIMEOUT)) {
                assertEquals("OK", connection.text("CLUSTER", "SETSLOT", slot, "NODE", target.id()));
            }
        }
    }
}

package io.slotwise.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves one slot between primaries in redis-cli's order ({@code clusterManagerMoveSlot}): the target marks it
 * IMPORTING, the source MIGRATING, the source MIGRATEs its keys ten at a time until GETKEYSINSLOT is empty, then the
 * target, the source and every other primary given are told SETSLOT NODE (the source's {@code ERR Please use SETSLOT
 * only with masters.} is tolerated, as redis-cli does). Replicas learn the new owner by gossip. A key that already
 * exists on the target stops the move with the target's BUSYKEY error; the slot then stays open, as with redis-cli.
 */
final class SlotMigration {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(70);
    private static final String KEYS_PER_BATCH = "10";
    private static final String MIGRATE_TIMEOUT_MILLIS = "60000";

    private SlotMigration() {}

    /**
     * Moves the slot.
     *
     * @param slot the slot, 0..16383
     * @param source its current owner, a running primary
     * @param target the new owner, a running primary
     * @param otherPrimaries the other running primaries to tell at once
     * @throws IllegalStateException with the node's error if a step fails
     */
    static void move(int slot, SimClusterNode source, SimClusterNode target, List<SimClusterNode> otherPrimaries) {
        String slotText = Integer.toString(slot);
        try (AdminConnection from = AdminConnection.open(source.address(), COMMAND_TIMEOUT);
                AdminConnection to = AdminConnection.open(target.address(), COMMAND_TIMEOUT)) {
            to.call("CLUSTER", "SETSLOT", slotText, "IMPORTING", source.id());
            from.call("CLUSTER", "SETSLOT", slotText, "MIGRATING", target.id());
            while (true) {
                List<?> keys = (List<?>) from.call("CLUSTER", "GETKEYSINSLOT", slotText, KEYS_PER_BATCH);
                if (keys.isEmpty()) {
                    break;
                }
                List<String> migrate = new ArrayList<>(List.of(
                        "MIGRATE",
                        "127.0.0.1",
                        Integer.toString(target.port()),
                        "",
                        "0",
                        MIGRATE_TIMEOUT_MILLIS,
                        "KEYS"));
                keys.forEach(key -> migrate.add((String) key));
                from.call(migrate.toArray(String[]::new));
            }
            to.call("CLUSTER", "SETSLOT", slotText, "NODE", target.id());
            try {
                from.call("CLUSTER", "SETSLOT", slotText, "NODE", target.id());
            } catch (AdminConnection.ErrorReply e) {
                if (!e.getMessage().contains("Please use SETSLOT only with masters")) {
                    throw e;
                }
            }
        } catch (AdminConnection.ErrorReply e) {
            throw new IllegalStateException("moving slot " + slot + " failed: " + e.getMessage(), e);
        }
        for (SimClusterNode other : otherPrimaries) {
            try (AdminConnection admin = AdminConnection.open(other.address(), COMMAND_TIMEOUT)) {
                admin.call("CLUSTER", "SETSLOT", slotText, "NODE", target.id());
            } catch (AdminConnection.ErrorReply e) {
                throw new IllegalStateException(
                        "telling " + other + " about slot " + slot + " failed: " + e.getMessage(), e);
            }
        }
    }
}

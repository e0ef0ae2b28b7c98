package io.slotwise.it.client;

import io.slotwise.it.fixture.RespReply;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves one slot between two primaries step by step, in the order {@code redis-cli --cluster reshard} uses: IMPORTING
 * on the target, MIGRATING on the source ({@link #begin}); then {@code CLUSTER GETKEYSINSLOT} plus
 * {@code MIGRATE ... KEYS} one batch at a time ({@link #migrateBatch}); then {@code SETSLOT NODE} on the target, the
 * source and every other primary ({@link #finish}). Between the steps the caller can let clients run, which is what
 * exposes them to {@code ASK} (keys already moved) and then {@code MOVED} (slot finished).
 *
 * <p>Every step fails with {@link IllegalStateException} if a node answers with an error. Not thread-safe.
 */
public final class SlotMigration {

    /** The MIGRATE timeout redis-cli uses, in milliseconds. */
    static final int MIGRATE_TIMEOUT_MILLIS = 60_000;

    private final ClusterBackend backend;
    private final int slot;
    private final BackendNode source;
    private final BackendNode target;
    private int keysMoved;

    private SlotMigration(ClusterBackend backend, int slot, BackendNode source, BackendNode target) {
        this.backend = backend;
        this.slot = slot;
        this.source = source;
        this.target = target;
    }

    /**
     * Marks {@code slot} IMPORTING on {@code target} and MIGRATING on {@code source}.
     *
     * @return the migration, with no key moved yet
     */
    static SlotMigration begin(ClusterBackend backend, int slot, BackendNode source, BackendNode target) {
        if (source.equals(target)) {
            throw new IllegalArgumentException("source and target are the same node " + source);
        }
        SlotMigration migration = new SlotMigration(backend, slot, source, target);
        migration.expectOk(target, "CLUSTER", "SETSLOT", slot, "IMPORTING", source.id());
        migration.expectOk(source, "CLUSTER", "SETSLOT", slot, "MIGRATING", target.id());
        return migration;
    }

    /**
     * Moves up to {@code batchSize} of the keys the source still holds in the slot.
     *
     * @return how many keys were moved; 0 once the source holds none
     */
    public int migrateBatch(int batchSize) {
        List<RespReply> keys = backend.call(source, "CLUSTER", "GETKEYSINSLOT", slot, batchSize)
                .elements();
        if (keys.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(
                List.of("MIGRATE", target.host(), target.port(), "", 0, MIGRATE_TIMEOUT_MILLIS, "KEYS"));
        for (RespReply key : keys) {
            args.add(((RespReply.BulkReply) key).value());
        }
        RespReply reply = backend.call(source, args.toArray());
        if (reply instanceof RespReply.ErrorReply error) {
            throw new IllegalStateException("MIGRATE of " + keys.size() + " keys of slot " + slot + " from " + source
                    + " to " + target + " failed: " + error.message());
        }
        keysMoved += keys.size();
        return keys.size();
    }

    /** Ends the migration: the target, then the source, then {@code otherPrimaries} learn that the target owns it. */
    public void finish(List<BackendNode> otherPrimaries) {
        expectOk(target, "CLUSTER", "SETSLOT", slot, "NODE", target.id());
        expectOk(source, "CLUSTER", "SETSLOT", slot, "NODE", target.id());
        for (BackendNode other : otherPrimaries) {
            if (!other.equals(source) && !other.equals(target)) {
                expectOk(other, "CLUSTER", "SETSLOT", slot, "NODE", target.id());
            }
        }
    }

    /** Returns how many keys {@link #migrateBatch} moved so far. */
    public int keysMoved() {
        return keysMoved;
    }

    private void expectOk(BackendNode node, Object... args) {
        RespReply reply = backend.call(node, args);
        if (!(reply instanceof RespReply.SimpleReply simple) || !simple.value().equals("OK")) {
            throw new IllegalStateException(
                    "slot " + slot + " migration: " + node + " answered " + List.of(args) + " with " + reply);
        }
    }

    @Override
    public String toString() {
        return "SlotMigration[slot " + slot + " from " + source + " to " + target + ", " + keysMoved + " keys moved]";
    }
}

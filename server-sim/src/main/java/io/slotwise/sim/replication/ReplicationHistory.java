package io.slotwise.sim.replication;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A node's place in a replication history, as Redis keeps it: the replication id of the stream it has (its own while a
 * master, its master's while a replica), the offset of that stream it has reached, the id it had before its last
 * promotion ({@code replid2}, valid up to {@code second_repl_offset}) and the backlog of the stream's last bytes. A
 * master without a backlog has never had a replica and propagates nothing.
 *
 * <p>Not thread-safe; confined to the node's event loop.
 */
final class ReplicationHistory {
    /** The id Redis reports when there is none. */
    static final String NO_ID = "0".repeat(40);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int backlogSize;
    private String id;
    private String previousId = NO_ID;
    private long previousIdValidUntil = -1;
    private long offset;
    private ReplicationBacklog backlog;

    /**
     * Creates the history of a fresh master.
     *
     * @param id its replication id
     * @param backlogSize the capacity of the backlog, once one exists
     */
    ReplicationHistory(String id, int backlogSize) {
        this.id = Objects.requireNonNull(id, "id");
        this.backlogSize = backlogSize;
    }

    /** Returns a new random replication id: 40 hex characters. */
    static String randomId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    String id() {
        return id;
    }

    String previousId() {
        return previousId;
    }

    /** Returns Redis's {@code second_repl_offset}: the first offset the previous id does not cover, -1 if none. */
    long previousIdValidUntil() {
        return previousIdValidUntil;
    }

    /** Returns the offset reached (Redis's {@code master_repl_offset}). */
    long offset() {
        return offset;
    }

    /** Returns the backlog, or null if the node never had a replica or a master. */
    ReplicationBacklog backlog() {
        return backlog;
    }

    int backlogSize() {
        return backlogSize;
    }

    /** Creates the backlog if there is none, starting at the current offset (a first replica connects). */
    void ensureBacklog() {
        if (backlog == null) {
            backlog = new ReplicationBacklog(backlogSize, offset);
        }
    }

    /**
     * Adds bytes to the stream: advances the offset and keeps them in the backlog.
     *
     * @param bytes the bytes, already sent or applied
     */
    void append(byte[] bytes) {
        ensureBacklog();
        backlog.append(bytes);
        offset = backlog.endOffset();
    }

    /**
     * Takes a master's history after a full synchronisation: its id and offset, no previous id, an empty backlog.
     *
     * @param masterId the master's replication id
     * @param masterOffset the offset the snapshot stands for
     */
    void adopt(String masterId, long masterOffset) {
        id = masterId;
        previousId = NO_ID;
        previousIdValidUntil = -1;
        offset = masterOffset;
        backlog = new ReplicationBacklog(backlogSize, masterOffset);
    }

    /**
     * Starts a new history that continues this one (Redis's {@code shiftReplicationId}): the current id becomes the
     * previous one, valid up to the current offset, so that nodes that followed it can continue partially.
     *
     * @param newId the new id
     */
    void shift(String newId) {
        previousId = id;
        previousIdValidUntil = offset + 1;
        id = newId;
    }

    /**
     * Starts a history unrelated to the past (the data was discarded): a new id, no previous one and no backlog; the
     * offset stays.
     *
     * @param newId the new id
     */
    void restart(String newId) {
        id = newId;
        previousId = NO_ID;
        previousIdValidUntil = -1;
        backlog = null;
    }

    /**
     * Whether a replica that has the stream {@code requestedId} up to {@code nextOffset - 1} can continue from the
     * backlog (Redis's {@code masterTryPartialResynchronization}).
     *
     * @param requestedId the replication id the replica has
     * @param nextOffset the first byte it lacks
     * @return true if the backlog holds everything it lacks of this history
     */
    boolean canContinue(String requestedId, long nextOffset) {
        boolean sameHistory = id.equals(requestedId)
                || (!NO_ID.equals(requestedId) && previousId.equals(requestedId) && nextOffset <= previousIdValidUntil);
        return sameHistory && backlog != null && backlog.covers(nextOffset);
    }
}

package io.slotwise.sim.replication;

import java.util.List;

/** What a replica reads from its master, as {@link LinkDecoder} decodes it. Immutable. */
sealed interface LinkEvent {

    /**
     * A reply to a handshake command before PSYNC (AUTH, REPLCONF).
     *
     * @param line the reply line without CRLF, starting with {@code +} or {@code -}
     */
    record HandshakeReply(String line) implements LinkEvent {
        /** Whether the reply is an error. */
        boolean isError() {
            return line.startsWith("-");
        }
    }

    /**
     * {@code +FULLRESYNC <replid> <offset>}: a snapshot follows, then the stream from {@code offset + 1}.
     *
     * @param replicationId the master's replication id
     * @param offset the offset the snapshot stands for
     */
    record FullResync(String replicationId, long offset) implements LinkEvent {}

    /**
     * {@code +CONTINUE [<replid>]}: the stream continues from the offset the replica asked for.
     *
     * @param replicationId the master's replication id, or null if the master did not name it
     */
    record Continue(String replicationId) implements LinkEvent {}

    /**
     * An error or unexpected answer to PSYNC.
     *
     * @param line the reply line without CRLF
     */
    record Refused(String line) implements LinkEvent {}

    /**
     * The snapshot of a full synchronisation.
     *
     * @param bytes the snapshot ({@link SnapshotWriter}'s format)
     */
    record Snapshot(byte[] bytes) implements LinkEvent {}

    /**
     * One command of the stream.
     *
     * @param args its arguments, name first
     * @param raw its bytes as received (their count advances the offset)
     */
    record StreamCommand(List<byte[]> args, byte[] raw) implements LinkEvent {}
}

package io.slotwise.netty.cluster;

import io.slotwise.netty.connection.NodeConnection;

/**
 * One watched attempt's dedicated connection and what happened on it that decides whether it can be reused
 * ({@link WatchConnectionPolicy}). Thread-safe: replies complete on the connection's event loop, the read phase may
 * send from any thread.
 */
final class WatchSession {

    private final NodeConnection connection;
    private volatile boolean failedWithoutReply;
    private volatile boolean changedConnectionState;
    private volatile boolean execAnswered;

    WatchSession(NodeConnection connection) {
        this.connection = connection;
    }

    /** The connection, used by this attempt alone. */
    NodeConnection connection() {
        return connection;
    }

    /** Notes a command the read phase is about to send. */
    void readPhaseSending(String commandName) {
        if (WatchConnectionPolicy.changesConnectionState(commandName)) {
            changedConnectionState = true;
        }
    }

    /** A command on the connection ended without a reply (I/O failure, timeout, unreadable reply). */
    void failedWithoutReply() {
        failedWithoutReply = true;
    }

    /** The transaction block's {@code EXEC} was answered (run, discarded or refused). */
    void execAnswered() {
        execAnswered = true;
    }

    /** What to do with the connection now that the attempt is over. */
    WatchConnectionPolicy.Verdict verdict() {
        return WatchConnectionPolicy.afterAttempt(failedWithoutReply, changedConnectionState, execAnswered);
    }
}

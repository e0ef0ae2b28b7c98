package io.slotwise.netty.cluster;

import java.util.Locale;
import java.util.Set;

/**
 * Decides what happens to a watched transaction's dedicated connection once the attempt that used it ended: kept for
 * the next watched transaction on the same node as it is, kept after {@code UNWATCH}, or closed. Pure: no I/O.
 *
 * <p>The rules follow the connection's state on the server:
 *
 * <ul>
 *   <li>A command on it ended without a reply (lost connection, timeout, a reply that could not be read): the
 *       connection's state and its reply stream are unknown, so it is closed.
 *   <li>The read phase sent a command that changes the connection's own state (for example {@code SELECT},
 *       {@code CLIENT}, {@code SUBSCRIBE}, {@code RESET}): the next user would inherit it, so it is closed.
 *   <li>{@code EXEC} answered (the transaction ran, was discarded by the watch, or was refused): Redis has unwatched
 *       every key and left {@code MULTI}, and {@code ASKING} lasts one command, so the connection is clean and kept.
 *   <li>Otherwise the attempt ended after {@code WATCH} and before the block ({@code WATCH} refused or redirected, a
 *       read redirected, the read phase failed): keys may still be watched, and {@code MULTI} was never sent (the block
 *       is written as one batch, so a block without {@code EXEC}'s reply is a failure without a reply), so
 *       {@code UNWATCH} makes it clean.
 * </ul>
 */
final class WatchConnectionPolicy {

    /** Commands that change a connection's own state, which a pooled connection must not pass on. */
    private static final Set<String> CONNECTION_STATE_COMMANDS = Set.of(
            "AUTH",
            "CLIENT",
            "DISCARD",
            "EXEC",
            "HELLO",
            "MONITOR",
            "MULTI",
            "PSUBSCRIBE",
            "QUIT",
            "READONLY",
            "READWRITE",
            "RESET",
            "SELECT",
            "SSUBSCRIBE",
            "SUBSCRIBE",
            "SYNC",
            "PSYNC",
            "WATCH",
            "UNWATCH");

    /** What to do with the connection. */
    enum Verdict {
        /** Keep it idle for the next watched transaction on the node. */
        KEEP,
        /** Send {@code UNWATCH}; keep it if that answers {@code OK}, close it otherwise. */
        UNWATCH_THEN_KEEP,
        /** Close it. */
        CLOSE
    }

    private WatchConnectionPolicy() {}

    /**
     * Decides the fate of a connection after one watched attempt.
     *
     * @param failedWithoutReply whether a command on it ended without a reply (I/O failure, timeout, protocol error)
     * @param changedConnectionState whether the read phase sent a command that changes the connection's state
     * @param execAnswered whether {@code EXEC} was answered on it
     * @return the verdict
     */
    static Verdict afterAttempt(boolean failedWithoutReply, boolean changedConnectionState, boolean execAnswered) {
        if (failedWithoutReply || changedConnectionState) {
            return Verdict.CLOSE;
        }
        return execAnswered ? Verdict.KEEP : Verdict.UNWATCH_THEN_KEEP;
    }

    /**
     * Whether a command the read phase sends changes the connection's own state (see the type's rules).
     *
     * @param commandName the command's name, any case
     * @return true if a connection that ran it must not be reused
     */
    static boolean changesConnectionState(String commandName) {
        return CONNECTION_STATE_COMMANDS.contains(commandName.toUpperCase(Locale.ROOT));
    }
}

package io.slotwise.netty.connection;

import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One command on its way through a {@link NodeConnection}: its arguments, the future its caller holds, its timeout,
 * and how far it got (handed to the channel, written to the socket), which decides what a failure means.
 *
 * <p>The future may be completed from any thread (a caller may cancel it); everything else is used on the
 * connection's event loop only. Completing an already completed command does nothing, which is how a late reply to
 * a timed-out command is discarded.
 */
final class PendingCommand {

    private static final int MAX_NAME_LENGTH = 32;

    private final RespCommandArgs args;
    private final long timeoutNanos;
    private final long createdNanos;
    private final CompletableFuture<RespValue> future = new CompletableFuture<>();
    private boolean handedToChannel;
    private boolean written;
    private SubscriptionConfirmations confirmations;

    /**
     * Creates a command whose timeout starts now.
     *
     * @param args the command, never {@code null}
     * @param timeoutNanos the time allowed from now until the reply; {@code 0} for none
     */
    PendingCommand(RespCommandArgs args, long timeoutNanos) {
        this.args = args;
        this.timeoutNanos = timeoutNanos;
        this.createdNanos = timeoutNanos > 0 ? System.nanoTime() : 0;
    }

    RespCommandArgs args() {
        return args;
    }

    CompletableFuture<RespValue> future() {
        return future;
    }

    boolean isDone() {
        return future.isDone();
    }

    /**
     * Returns the command name for messages: the first argument as printable ASCII, upper-cased and truncated. Never
     * an argument value.
     */
    String name() {
        byte[] raw = args.arg(0);
        int length = Math.min(raw.length, MAX_NAME_LENGTH);
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = (char) (raw[i] & 0xFF);
            name.append(c > ' ' && c < 127 ? Character.toUpperCase(c) : '?');
        }
        return raw.length > MAX_NAME_LENGTH ? name.append("...").toString() : name.toString();
    }

    /** The confirmations this subscription command waits for on a subscriber connection; {@code null} otherwise. */
    SubscriptionConfirmations confirmations() {
        return confirmations;
    }

    /** Makes the command wait for subscription confirmations instead of one ordinary reply. */
    void expectConfirmations(SubscriptionConfirmations expected) {
        confirmations = expected;
    }

    /** Records that the command was given to the channel: from now on it may reach the server. */
    void markHandedToChannel() {
        handedToChannel = true;
    }

    /** Records that the command's bytes were written to the socket. */
    void markWritten() {
        written = true;
    }

    /** Whether the command has a timeout at all. */
    boolean hasTimeout() {
        return timeoutNanos > 0;
    }

    /** When the command times out, on the {@link System#nanoTime()} scale; only if {@link #hasTimeout()}. */
    long deadlineNanos() {
        return createdNanos + timeoutNanos;
    }

    /**
     * Fails the command with a {@link RedisTimeoutException} saying how far it got; does nothing if it already
     * completed. {@link CommandDeadlines} calls it on the connection's event loop once the deadline has passed.
     */
    void timeOut(NodeAddress node) {
        if (future.isDone()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        String where = handedToChannel
                ? "waiting for a reply from " + node
                : "before it could be sent to " + node + " (not connected)";
        future.completeExceptionally(new RedisTimeoutException(
                "Command " + name() + " timed out after " + millis + " ms " + where, handedToChannel));
    }

    /** Completes with a reply (error replies included); returns {@code false} if already completed. */
    boolean complete(RespValue reply) {
        return future.complete(reply);
    }

    /** Fails with the given exception; does nothing if already completed. */
    void fail(RedisException failure) {
        future.completeExceptionally(failure);
    }

    /**
     * Fails a command that never reached the socket: safe to send again.
     *
     * @param why completes "Command GET was not sent to host:port: ..."
     */
    void failNotSent(NodeAddress node, String why, Throwable cause) {
        if (!future.isDone()) {
            fail(new RedisConnectionException(
                    "Command " + name() + " was not sent to " + node + ": " + why, cause, false));
        }
    }

    /**
     * Fails a command that was in flight when its connection ended. If its bytes were written, the outcome is unknown;
     * otherwise it is reported as not sent.
     *
     * @param what completes "Connection to host:port ..." (for example "was closed by the server")
     */
    void failInFlight(NodeAddress node, String what, Throwable cause) {
        if (future.isDone()) {
            return;
        }
        if (!written) {
            failNotSent(node, "the connection " + what, cause);
            return;
        }
        fail(new RedisConnectionException(
                "Connection to " + node + " " + what + " while command " + name()
                        + " was in flight; it may have executed",
                cause,
                true));
    }
}

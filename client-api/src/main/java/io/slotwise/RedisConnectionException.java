package io.slotwise;

/**
 * A command failed because of its connection, not because of a server reply: the node could not be reached, the
 * connection was lost or closed, or the command was rejected while the connection was down.
 *
 * <p>{@link #mayHaveExecuted()} tells whether the server may have run the command. {@code false} means the command
 * never reached the socket (refused connection, failed handshake, rejected while disconnected, closed before it was
 * written), so it is safe to send again, even for a write. {@code true} means its bytes were written and the
 * connection was lost before the reply arrived: the outcome is unknown, and replaying a non-idempotent command may
 * apply it twice.
 */
public class RedisConnectionException extends RedisException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveExecuted;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, naming the node; never a secret
     * @param cause the underlying failure, or {@code null}
     * @param mayHaveExecuted {@code true} if the command was written and its outcome is unknown
     */
    public RedisConnectionException(String message, Throwable cause, boolean mayHaveExecuted) {
        super(message, cause);
        this.mayHaveExecuted = mayHaveExecuted;
    }

    /**
     * Tells whether the server may have executed the command.
     *
     * @return {@code false} if the command certainly never reached the server (safe to retry); {@code true} if its
     *     outcome is unknown
     */
    public boolean mayHaveExecuted() {
        return mayHaveExecuted;
    }
}

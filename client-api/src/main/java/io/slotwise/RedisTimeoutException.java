package io.slotwise;

/**
 * A command got no reply within its timeout. The message names the command (its name only, never its arguments), the
 * node and the timeout.
 *
 * <p>{@link #mayHaveExecuted()} is {@code false} when the command timed out before it was handed to the connection
 * (for example while waiting for a reconnect): it is then never sent. Otherwise the command may run, or may have run,
 * on the server; its late reply is discarded.
 */
public class RedisTimeoutException extends RedisException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveExecuted;

    /**
     * Creates an exception.
     *
     * @param message the description, naming the command, the node and the timeout
     * @param mayHaveExecuted {@code true} if the command had been handed to the connection when it timed out
     */
    public RedisTimeoutException(String message, boolean mayHaveExecuted) {
        super(message);
        this.mayHaveExecuted = mayHaveExecuted;
    }

    /**
     * Tells whether the server may have executed (or may still execute) the command.
     *
     * @return {@code false} if the command was never sent and never will be
     */
    public boolean mayHaveExecuted() {
        return mayHaveExecuted;
    }
}

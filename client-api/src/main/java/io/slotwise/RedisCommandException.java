package io.slotwise;

import java.util.Objects;

/**
 * The server answered a command with an error reply that the client does not handle itself: an application error such
 * as {@code WRONGTYPE Operation against a key holding the wrong kind of value} or {@code ERR value is not an integer or
 * out of range}. Redirects ({@code MOVED}, {@code ASK}) and transient errors ({@code TRYAGAIN}, {@code CLUSTERDOWN},
 * {@code LOADING}, {@code MASTERDOWN}) are handled by the client and reach the caller only as this exception once the
 * client has given up on them.
 *
 * <p>{@link #getMessage()} is the server's error text exactly as sent (without the leading {@code -}), so callers can
 * match on it; {@link #code()} is its first word. Server error texts carry no argument values.
 */
public class RedisCommandException extends RedisException {

    private static final long serialVersionUID = 1L;

    private final String command;

    /**
     * Creates the exception.
     *
     * @param command the name of the command that failed, for example {@code INCR}; never {@code null}
     * @param serverMessage the error text the server sent, for example {@code WRONGTYPE Operation against a key holding
     *     the wrong kind of value}; never {@code null}
     */
    public RedisCommandException(String command, String serverMessage) {
        super(Objects.requireNonNull(serverMessage, "serverMessage"));
        this.command = Objects.requireNonNull(command, "command");
    }

    /**
     * Returns the error code: the first word of the server's text, by Redis convention ({@code ERR}, {@code WRONGTYPE},
     * {@code NOSCRIPT}, {@code BUSYKEY}, ...).
     *
     * @return the code; the whole text if it has no space
     */
    public String code() {
        String message = getMessage();
        int space = message.indexOf(' ');
        return space < 0 ? message : message.substring(0, space);
    }

    /**
     * Returns the name of the command that failed.
     *
     * @return the command name as the client printed it, for example {@code GET} or {@code SCRIPT LOAD}
     */
    public String command() {
        return command;
    }
}

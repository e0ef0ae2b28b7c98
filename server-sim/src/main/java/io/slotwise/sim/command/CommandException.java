package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;

/**
 * Thrown by a handler (or by a {@link CommandContext} argument parser) to answer with a Redis error instead of a normal
 * reply. The message is the whole error text with its code, for example {@code ERR syntax error}; it becomes the reply
 * as is, so it must be a single line and must not echo secrets. Carries no stack trace: it is control flow, not a bug.
 */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the error text starting with its code, for example {@code WRONGTYPE Operation against a key ...}
     */
    public CommandException(String error) {
        super(error, null, false, false);
    }

    /** Returns {@code ERR syntax error}, Redis's answer to misplaced or unknown options. */
    public static CommandException syntaxError() {
        return new CommandException("ERR syntax error");
    }

    /** Returns {@code ERR value is not an integer or out of range}, Redis's answer to a malformed integer argument. */
    public static CommandException notAnInteger() {
        return new CommandException("ERR value is not an integer or out of range");
    }

    /** Returns the error as a reply. */
    public Reply.SimpleError reply() {
        return Reply.error(getMessage());
    }
}

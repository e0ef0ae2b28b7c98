package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;

/**
 * Thrown by a handler (or by a {@link CommandContext} argument parser) to answer with a Redis error instead of a normal
 * reply. The message is the whole error text with its code, for example {@code ERR syntax error}; it must not echo
 * secrets. Carries no stack trace: it is control flow, not a bug.
 *
 * <p>Two kinds of text exist. {@link #CommandException(String)} takes ordinary text, sent as UTF-8. {@link
 * #echoing(String)} takes text in which every character stands for one byte (ISO-8859-1), as built from {@link
 * CommandContext#argLatin1(int)}: an error that quotes a client's argument then carries the argument's bytes
 * unchanged, as Redis does, whatever their encoding. Either way CR and LF become spaces, as Redis keeps every error on
 * one line.
 */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean latin1;

    /**
     * Creates the exception.
     *
     * @param error the error text starting with its code, for example {@code WRONGTYPE Operation against a key ...}
     */
    public CommandException(String error) {
        this(error, false);
    }

    private CommandException(String error, boolean latin1) {
        super(error, null, false, false);
        this.latin1 = latin1;
    }

    /**
     * Returns an exception whose text is sent one byte per character (ISO-8859-1), for errors that quote a client's
     * argument decoded with {@link CommandContext#argLatin1(int)}.
     *
     * @param error the error text starting with its code; characters above U+00FF are sent as {@code ?}
     * @return the exception
     */
    public static CommandException echoing(String error) {
        return new CommandException(error, true);
    }

    /** Returns {@code ERR syntax error}, Redis's answer to misplaced or unknown options. */
    public static CommandException syntaxError() {
        return new CommandException("ERR syntax error");
    }

    /** Returns {@code ERR value is not an integer or out of range}, Redis's answer to a malformed integer argument. */
    public static CommandException notAnInteger() {
        return new CommandException("ERR value is not an integer or out of range");
    }

    /** Returns the error as a reply, with CR and LF replaced by spaces. */
    public Reply.SimpleError reply() {
        return errorReply(getMessage(), latin1);
    }

    /**
     * Returns an error reply of a text, with CR and LF replaced by spaces.
     *
     * @param error the error text starting with its code
     * @param latin1 whether each character stands for one byte (text built from client bytes) rather than UTF-8 text
     * @return the reply
     */
    static Reply.SimpleError errorReply(String error, boolean latin1) {
        byte[] bytes = error.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                bytes[i] = ' ';
            }
        }
        return new Reply.SimpleError(bytes);
    }
}

package io.slotwise;

import io.slotwise.resp.RespValue;
import java.util.Objects;

/**
 * A reply had a type the command does not allow, for example an integer where {@code GET} expects a bulk string or
 * null. Raised by reply decoders and reply mergers instead of a {@link ClassCastException}; it usually means the
 * command was built with the wrong decoder, or that a proxy between the client and Redis changed the reply.
 *
 * <p>The message names the command (when known), the expected type and the actual type, but never the reply's
 * content: replies may hold secrets.
 */
public class UnexpectedReplyException extends RedisException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final String expected;
    private final String actual;

    /**
     * Creates the exception for a reply decoded outside of any command.
     *
     * @param expected what the decoder accepts, for example {@code "a bulk string or null"}
     * @param actual the reply it got
     */
    public UnexpectedReplyException(String expected, RespValue actual) {
        this(null, expected, describe(actual));
    }

    private UnexpectedReplyException(String command, String expected, String actual) {
        super((command == null ? "" : command + ": ") + "expected " + expected + " but the reply was " + actual);
        this.command = command;
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = actual;
    }

    /**
     * Returns a copy of this exception that names the command whose reply it was. Keeps this exception as the cause,
     * so the decoder's stack trace is not lost.
     *
     * @param command the command name, for example {@code GET}
     * @return the new exception, or {@code this} if it already names a command
     */
    public UnexpectedReplyException forCommand(String command) {
        if (this.command != null) {
            return this;
        }
        UnexpectedReplyException named = new UnexpectedReplyException(command, expected, actual);
        named.initCause(this);
        return named;
    }

    /**
     * Returns the name of the command whose reply this was.
     *
     * @return the command name, or {@code null} if the exception was raised outside of a command
     */
    public String command() {
        return command;
    }

    /**
     * Returns what the decoder accepts.
     *
     * @return a description such as {@code "an integer"}
     */
    public String expected() {
        return expected;
    }

    /**
     * Returns the type of the reply that was received, without its content.
     *
     * @return a description such as {@code "a bulk string (5 bytes)"}
     */
    public String actual() {
        return actual;
    }

    /**
     * Describes a reply's type and size, never its content.
     *
     * @param value the reply
     * @return for example {@code "an array of 3 elements"} or {@code "a simple string"}
     */
    public static String describe(RespValue value) {
        RespValue plain = value.withoutAttributes();
        if (plain instanceof RespValue.SimpleString) {
            return "a simple string";
        } else if (plain instanceof RespValue.Error) {
            return "an error";
        } else if (plain instanceof RespValue.Int) {
            return "an integer";
        } else if (plain instanceof RespValue.Bulk bulk) {
            return "a bulk string (" + bulk.length() + " bytes)";
        } else if (plain instanceof RespValue.Null) {
            return "null";
        } else if (plain instanceof RespValue.Array array) {
            return "an array of " + array.elements().size() + " elements";
        } else if (plain instanceof RespValue.Map map) {
            return "a map of " + map.entries().size() + " entries";
        } else if (plain instanceof RespValue.Set set) {
            return "a set of " + set.elements().size() + " elements";
        } else if (plain instanceof RespValue.Double) {
            return "a double";
        } else if (plain instanceof RespValue.Boolean) {
            return "a boolean";
        } else if (plain instanceof RespValue.BigNumber) {
            return "a big number";
        } else if (plain instanceof RespValue.Verbatim) {
            return "a verbatim string";
        } else {
            return "a push message";
        }
    }
}

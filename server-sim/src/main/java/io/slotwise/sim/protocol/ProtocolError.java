package io.slotwise.sim.protocol;

import java.util.Objects;

/**
 * What {@link RequestDecoder} emits, once, when a client breaks the protocol: the error Redis 7.0 answers with, for
 * example {@code ERR Protocol error: invalid bulk length}. Every request decoded before it has already been emitted, in
 * order; nothing after it is decoded. The receiver must answer with {@link #reply()} after the replies to those earlier
 * requests and then close the connection, as Redis does (CLIENT_CLOSE_AFTER_REPLY); {@link ProtocolErrorHandler} does
 * exactly that. Immutable.
 *
 * @param reply the error reply, ready to write
 */
public record ProtocolError(Reply.SimpleError reply) {

    /** Rejects a missing reply. */
    public ProtocolError {
        Objects.requireNonNull(reply, "reply");
    }

    /**
     * Creates the event for an error text.
     *
     * @param message the full error text, starting with {@code ERR}
     * @return the event
     */
    public static ProtocolError of(String message) {
        return new ProtocolError(Reply.error(message));
    }

    /** Returns the error text decoded as UTF-8, for example {@code ERR Protocol error: invalid multibulk length}. */
    public String message() {
        return reply.message();
    }
}

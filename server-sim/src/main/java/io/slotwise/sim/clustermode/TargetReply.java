package io.slotwise.sim.clustermode;

import java.util.List;
import java.util.Objects;

/**
 * One RESP2 reply read from a MIGRATE target, as {@link ReplyReader} decodes it. Bulk strings are decoded as UTF-8
 * text: MIGRATE only looks at whether a reply is an error and at the error's text. Immutable.
 *
 * @param type the reply type
 * @param text the line of a status, error or integer, the content of a bulk string; empty for null and arrays
 * @param elements the elements of an array; empty otherwise
 */
record TargetReply(Type type, String text, List<TargetReply> elements) {

    /** The RESP2 reply types. */
    enum Type {
        STATUS,
        ERROR,
        INTEGER,
        BULK,
        NULL,
        ARRAY
    }

    /** Validates and copies. */
    TargetReply {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        elements = List.copyOf(elements);
    }

    /**
     * Returns a reply without elements.
     *
     * @param type the type, not {@link Type#ARRAY}
     * @param text its text
     * @return the reply
     */
    static TargetReply of(Type type, String text) {
        return new TargetReply(type, text, List.of());
    }

    /** Whether the target answered with an error; {@link #text()} is then the error without its {@code -}. */
    boolean isError() {
        return type == Type.ERROR;
    }
}

package io.slotwise.api.args;

import io.slotwise.value.StreamId;
import java.util.Objects;

/**
 * Where reading, or a consumer group, starts in a stream: after an explicit ID, after the stream's current last entry
 * ({@code $}: only entries added from now on), or, for {@code XREADGROUP}, at the entries never delivered to the group
 * ({@code >}). {@code XREADGROUP} with an explicit ID reads the consumer's own pending entries after that ID instead.
 * Which commands accept which positions: {@code XREAD} an ID or {@code $}; {@code XREADGROUP} an ID or {@code >};
 * {@code XGROUP CREATE} and {@code SETID} an ID or {@code $}. The commands reject the others before sending. Immutable.
 */
public final class StreamPosition {

    private static final StreamPosition LAST_ENTRY = new StreamPosition("$", null);
    private static final StreamPosition UNDELIVERED = new StreamPosition(">", null);

    private final String text;
    private final StreamId id;

    private StreamPosition(String text, StreamId id) {
        this.text = text;
        this.id = id;
    }

    /**
     * After an explicit ID (exclusive): {@code StreamPosition.after(StreamId.MIN)} covers the whole stream.
     *
     * @param id the ID
     * @return the position
     */
    public static StreamPosition after(StreamId id) {
        return new StreamPosition(Objects.requireNonNull(id, "id").toString(), id);
    }

    /**
     * After the stream's last entry at the time the command runs ({@code $}).
     *
     * @return the position
     */
    public static StreamPosition lastEntry() {
        return LAST_ENTRY;
    }

    /**
     * The entries never delivered to any consumer of the group ({@code >}); only for {@code XREADGROUP}.
     *
     * @return the position
     */
    public static StreamPosition undelivered() {
        return UNDELIVERED;
    }

    /**
     * Tells whether this position is an explicit ID.
     *
     * @return {@code true} for {@link #after}, {@code false} for {@code $} and {@code >}
     */
    public boolean isId() {
        return id != null;
    }

    /**
     * Returns the position's RESP argument.
     *
     * @return the ID, {@code $} or {@code >}; fresh array
     */
    public byte[] argument() {
        return Tokens.of(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Shows the position as Redis reads it. */
    @Override
    public String toString() {
        return text;
    }
}

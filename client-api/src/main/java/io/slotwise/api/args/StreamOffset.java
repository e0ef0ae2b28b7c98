package io.slotwise.api.args;

import java.util.Objects;

/**
 * A stream to read with {@code XREAD} or {@code XREADGROUP}, and the {@link StreamPosition} to read it from.
 *
 * @param stream the stream's key, never {@code null}
 * @param position where to read from, never {@code null}
 * @param <K> the key type
 */
public record StreamOffset<K>(K stream, StreamPosition position) {

    /** Checks the components. */
    public StreamOffset {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(position, "position");
    }

    /**
     * Creates an offset.
     *
     * @param stream the stream's key
     * @param position where to read from
     * @param <K> the key type
     * @return the offset
     */
    public static <K> StreamOffset<K> of(K stream, StreamPosition position) {
        return new StreamOffset<>(stream, position);
    }
}

package io.slotwise.api.args;

import io.slotwise.value.StreamId;
import java.util.Objects;

/**
 * One end of an ID range ({@code XRANGE}, {@code XREVRANGE}, the extended {@code XPENDING}): an ID, included or
 * excluded ({@code (1-1}), or the lowest ({@code -}) or highest ({@code +}) possible ID. Immutable.
 */
public final class StreamBound {

    private static final StreamBound MINIMUM = new StreamBound("-");
    private static final StreamBound MAXIMUM = new StreamBound("+");

    private final String text;

    private StreamBound(String text) {
        this.text = text;
    }

    /**
     * A bound that includes its ID.
     *
     * @param id the ID
     * @return the bound
     */
    public static StreamBound inclusive(StreamId id) {
        return new StreamBound(Objects.requireNonNull(id, "id").toString());
    }

    /**
     * A bound that excludes its ID ({@code (id}), for example to continue after the last entry of a previous page.
     *
     * @param id the ID
     * @return the bound
     */
    public static StreamBound exclusive(StreamId id) {
        return new StreamBound("(" + Objects.requireNonNull(id, "id"));
    }

    /**
     * The lowest possible bound.
     *
     * @return {@code -}
     */
    public static StreamBound minimum() {
        return MINIMUM;
    }

    /**
     * The highest possible bound.
     *
     * @return {@code +}
     */
    public static StreamBound maximum() {
        return MAXIMUM;
    }

    /**
     * Returns the bound's RESP argument.
     *
     * @return the bound as text, for example {@code 5-0}, {@code (5-0}, {@code -} or {@code +}; fresh array
     */
    public byte[] argument() {
        return Tokens.of(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamBound that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Shows the bound as Redis reads it. */
    @Override
    public String toString() {
        return text;
    }
}

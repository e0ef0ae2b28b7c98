package io.slotwise.value;

import java.util.Objects;

/**
 * A geo member with its position, as given to {@code GEOADD}.
 *
 * @param value the member, never {@code null}
 * @param coordinates its position, never {@code null}
 * @param <V> the member type
 */
public record GeoValue<V>(V value, GeoCoordinates coordinates) {

    /** Checks the components. */
    public GeoValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(coordinates, "coordinates");
    }

    /**
     * Creates a geo member.
     *
     * @param longitude degrees east, from -180 to 180
     * @param latitude degrees north, from -85.05112878 to 85.05112878
     * @param value the member, never {@code null}
     * @param <V> the member type
     * @return the member with its position
     * @throws IllegalArgumentException if a coordinate is out of range
     */
    public static <V> GeoValue<V> of(double longitude, double latitude, V value) {
        return new GeoValue<>(value, new GeoCoordinates(longitude, latitude));
    }

    /** Shows the position but not the member: members are application data and may be sensitive. */
    @Override
    public String toString() {
        return "GeoValue[" + coordinates + ", value=(hidden)]";
    }
}

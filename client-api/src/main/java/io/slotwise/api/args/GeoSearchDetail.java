package io.slotwise.api.args;

/**
 * A detail {@code GEOSEARCH} can return with each member. Whatever order they are asked in, they are sent as {@code
 * WITHCOORD WITHDIST WITHHASH}; Redis returns them in its own fixed order (distance, hash, coordinates), which the
 * client decodes into {@link io.slotwise.value.GeoSearchResult}.
 */
public enum GeoSearchDetail {
    /** The member's position ({@code WITHCOORD}). */
    COORDINATES("WITHCOORD"),
    /** The distance from the search's centre, in the search's unit ({@code WITHDIST}). */
    DISTANCE("WITHDIST"),
    /** The 52-bit geohash stored as the member's score ({@code WITHHASH}). */
    HASH("WITHHASH");

    private final String token;

    GeoSearchDetail(String token) {
        this.token = token;
    }

    /**
     * Returns the detail's RESP argument.
     *
     * @return {@code WITHCOORD}, {@code WITHDIST} or {@code WITHHASH}
     */
    public String token() {
        return token;
    }
}

package io.slotwise.api.args;

/** The distance units of geo commands ({@code GEODIST}, {@code GEOSEARCH}). */
public enum GeoUnit {
    /** Metres ({@code m}). */
    METERS("m"),
    /** Kilometres ({@code km}). */
    KILOMETERS("km"),
    /** Feet ({@code ft}). */
    FEET("ft"),
    /** Miles ({@code mi}). */
    MILES("mi");

    private final String token;

    GeoUnit(String token) {
        this.token = token;
    }

    /**
     * Returns the unit's RESP argument.
     *
     * @return {@code m}, {@code km}, {@code ft} or {@code mi}
     */
    public String token() {
        return token;
    }
}

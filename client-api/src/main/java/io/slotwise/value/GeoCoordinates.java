package io.slotwise.value;

/**
 * A position on the earth as Redis geo commands use it: longitude and latitude in degrees (WGS84). Redis indexes
 * positions as 52-bit geohashes, so the coordinates it returns ({@code GEOPOS}, {@code GEOSEARCH ... WITHCOORD}) differ
 * from the ones added by up to about 0.6 metres.
 *
 * @param longitude degrees east, from -180 to 180
 * @param latitude degrees north, from -85.05112878 to 85.05112878 (the limits of the Web Mercator projection Redis
 *     uses)
 */
public record GeoCoordinates(double longitude, double latitude) {

    /** The smallest longitude Redis accepts. */
    public static final double MIN_LONGITUDE = -180;

    /** The largest longitude Redis accepts. */
    public static final double MAX_LONGITUDE = 180;

    /** The smallest latitude Redis accepts. */
    public static final double MIN_LATITUDE = -85.05112878;

    /** The largest latitude Redis accepts. */
    public static final double MAX_LATITUDE = 85.05112878;

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if a coordinate is NaN or outside the range Redis accepts
     */
    public GeoCoordinates {
        if (!(longitude >= MIN_LONGITUDE && longitude <= MAX_LONGITUDE)) {
            throw new IllegalArgumentException("A longitude must be between -180 and 180 degrees, was " + longitude);
        }
        if (!(latitude >= MIN_LATITUDE && latitude <= MAX_LATITUDE)) {
            throw new IllegalArgumentException(
                    "A latitude must be between -85.05112878 and 85.05112878 degrees, was " + latitude);
        }
    }

    /**
     * Creates coordinates.
     *
     * @param longitude degrees east, from -180 to 180
     * @param latitude degrees north, from -85.05112878 to 85.05112878
     * @return the coordinates
     * @throws IllegalArgumentException if a coordinate is out of range
     */
    public static GeoCoordinates of(double longitude, double latitude) {
        return new GeoCoordinates(longitude, latitude);
    }
}

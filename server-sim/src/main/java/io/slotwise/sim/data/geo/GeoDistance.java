package io.slotwise.sim.data.geo;

/**
 * Distances on Redis's spherical earth (radius 6372797.560856 m) with the haversine formula, and the tests that decide
 * whether a point lies in a search circle or box. Uses {@link Math}'s sine and cosine, which on x86-64 JVMs agree with
 * glibc's (Redis's) far more often than {@link StrictMath}'s; the arcsine (no JVM computes it as glibc does) can make a
 * distance differ from Redis's in its last bit, which only full-precision STOREDIST scores show. Stateless.
 */
final class GeoDistance {
    static final double EARTH_RADIUS_METERS = 6372797.560856;

    private static final double DEGREES_TO_RADIANS = Math.PI / 180.0;

    private GeoDistance() {}

    static double radians(double degrees) {
        return degrees * DEGREES_TO_RADIANS;
    }

    static double degrees(double radians) {
        return radians / DEGREES_TO_RADIANS;
    }

    /** The great-circle distance in meters between two positions given in degrees. */
    static double between(double longitude1, double latitude1, double longitude2, double latitude2) {
        double latitude1Radians = radians(latitude1);
        double longitude1Radians = radians(longitude1);
        double latitude2Radians = radians(latitude2);
        double longitude2Radians = radians(longitude2);
        double u = Math.sin((latitude2Radians - latitude1Radians) / 2);
        double v = Math.sin((longitude2Radians - longitude1Radians) / 2);
        return 2.0
                * EARTH_RADIUS_METERS
                * Math.asin(Math.sqrt(u * u + Math.cos(latitude1Radians) * Math.cos(latitude2Radians) * v * v));
    }

    /**
     * Returns the distance from the centre to a point if the point lies within the box of {@code widthMeters} by
     * {@code heightMeters} around the centre (measured along the point's parallel and the point's meridian), or a
     * negative number if it lies outside.
     */
    static double withinBox(
            double widthMeters,
            double heightMeters,
            double centreLongitude,
            double centreLatitude,
            double longitude,
            double latitude) {
        double alongParallel = between(longitude, latitude, centreLongitude, latitude);
        double alongMeridian = between(longitude, latitude, longitude, centreLatitude);
        if (alongParallel > widthMeters / 2 || alongMeridian > heightMeters / 2) {
            return -1;
        }
        return between(centreLongitude, centreLatitude, longitude, latitude);
    }
}

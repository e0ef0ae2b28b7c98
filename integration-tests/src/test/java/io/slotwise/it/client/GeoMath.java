package io.slotwise.it.client;

import io.slotwise.value.GeoCoordinates;

/**
 * Geo arithmetic done independently of the server, so tests compare what Redis computes with a second computation:
 * great-circle distance by the haversine formula on Redis's earth radius, and the standard base-32 geohash.
 */
final class GeoMath {

    /** The earth radius Redis uses, in metres. */
    static final double EARTH_RADIUS_METERS = 6372797.560856;

    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    private GeoMath() {}

    /** Returns the haversine distance between two positions, in metres. */
    static double distanceMeters(GeoCoordinates a, GeoCoordinates b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double u = Math.sin((lat2 - lat1) / 2);
        double v = Math.sin(Math.toRadians(b.longitude() - a.longitude()) / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(u * u + Math.cos(lat1) * Math.cos(lat2) * v * v));
    }

    /**
     * Returns the standard geohash of a position with {@code chars} characters: bits alternate longitude (range -180
     * to 180) and latitude (range -90 to 90), five per character.
     */
    static String geohash(GeoCoordinates position, int chars) {
        double[] lon = {-180, 180};
        double[] lat = {-90, 90};
        StringBuilder hash = new StringBuilder(chars);
        int bits = 0;
        int value = 0;
        boolean even = true;
        while (hash.length() < chars) {
            double[] range = even ? lon : lat;
            double coordinate = even ? position.longitude() : position.latitude();
            double mid = (range[0] + range[1]) / 2;
            value <<= 1;
            if (coordinate >= mid) {
                value |= 1;
                range[0] = mid;
            } else {
                range[1] = mid;
            }
            even = !even;
            if (++bits == 5) {
                hash.append(BASE32.charAt(value));
                bits = 0;
                value = 0;
            }
        }
        return hash.toString();
    }
}

package io.slotwise.sim.data.geo;

/**
 * The standard base-32 geohash text GEOHASH answers: the position re-encoded over latitude ±90 (stored scores use the
 * Mercator range ±85.05), 52 bits in ten characters, and an eleventh character {@code 0} for compatibility. Stateless.
 */
final class GeoHashText {
    private static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";
    private static final int LENGTH = 11;

    private GeoHashText() {}

    /** Returns the geohash of a decoded (hence valid) position. */
    static String of(double longitude, double latitude) {
        long bits =
                GeoHash.encode(longitude, latitude, GeoHash.STEP_MAX, -90, 90).bits();
        StringBuilder text = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            int index = i == LENGTH - 1 ? 0 : (int) ((bits >>> (52 - (i + 1) * 5)) & 0x1f);
            text.append(ALPHABET.charAt(index));
        }
        return text.toString();
    }
}

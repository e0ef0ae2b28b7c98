package io.slotwise.sim.data.geo;

/**
 * Redis's geohash arithmetic: a position becomes, at a given step (bits per axis, 26 for stored scores), the latitude
 * and longitude cells interleaved into one integer (latitude in the even bits, longitude in the odd ones) over the
 * Web-Mercator latitude range ±85.05112878 and longitude ±180. Stored scores are these 52-bit integers. Stateless.
 */
final class GeoHash {
    static final double LONGITUDE_MIN = -180;
    static final double LONGITUDE_MAX = 180;
    static final double LATITUDE_MIN = -85.05112878;
    static final double LATITUDE_MAX = 85.05112878;

    /** The step of stored scores: 26 bits per axis, 52 in all. */
    static final int STEP_MAX = 26;

    private static final long EVEN_BITS = 0x5555555555555555L;
    private static final long ODD_BITS = 0xaaaaaaaaaaaaaaaaL;
    private static final double TWO_TO_63 = 0x1p63;
    private static final double TWO_TO_64 = 0x1p64;

    private GeoHash() {}

    /**
     * A cell: {@code bits} at {@code step} bits per axis. The zero cell (both 0) marks an unused search box.
     *
     * @param bits the interleaved cell numbers
     * @param step bits per axis
     */
    record Cell(long bits, int step) {
        static final Cell NONE = new Cell(0, 0);

        boolean isNone() {
            return bits == 0 && step == 0;
        }

        /** The lowest score inside this cell, as a 52-bit value. */
        long minScore() {
            return bits << (52 - 2 * step);
        }

        /** The lowest score past this cell. */
        long maxScore() {
            return (bits + 1) << (52 - 2 * step);
        }
    }

    /**
     * A cell's extent in degrees.
     *
     * @param longitudeMin western edge
     * @param longitudeMax eastern edge
     * @param latitudeMin southern edge
     * @param latitudeMax northern edge
     */
    record Area(double longitudeMin, double longitudeMax, double latitudeMin, double latitudeMax) {}

    /** Whether a position may be stored ({@code GEOADD}'s and {@code FROMLONLAT}'s check). */
    static boolean isValid(double longitude, double latitude) {
        return !(longitude < LONGITUDE_MIN
                || longitude > LONGITUDE_MAX
                || latitude < LATITUDE_MIN
                || latitude > LATITUDE_MAX);
    }

    /** Encodes a valid position on the Mercator ranges at {@code step}. */
    static Cell encode(double longitude, double latitude, int step) {
        return encode(longitude, latitude, step, LATITUDE_MIN, LATITUDE_MAX);
    }

    /**
     * Encodes a position over the longitude range ±180 and the given latitude range (GEOHASH re-encodes over ±90).
     * The position must satisfy {@link #isValid}.
     */
    static Cell encode(double longitude, double latitude, int step, double latitudeMin, double latitudeMax) {
        double latitudeOffset = (latitude - latitudeMin) / (latitudeMax - latitudeMin);
        double longitudeOffset = (longitude - LONGITUDE_MIN) / (LONGITUDE_MAX - LONGITUDE_MIN);
        latitudeOffset *= (double) (1L << step);
        longitudeOffset *= (double) (1L << step);
        return new Cell(interleave((long) latitudeOffset, (long) longitudeOffset), step);
    }

    /** Returns the score a valid position is stored with. */
    static long score(double longitude, double latitude) {
        return encode(longitude, latitude, STEP_MAX).bits();
    }

    /** Returns the extent of a cell on the Mercator ranges. */
    static Area decode(Cell cell) {
        long separated = deinterleave(cell.bits());
        long latitudeCell = separated & 0xffffffffL;
        long longitudeCell = separated >>> 32;
        double cells = (double) (1L << cell.step());
        double latitudeScale = LATITUDE_MAX - LATITUDE_MIN;
        double longitudeScale = LONGITUDE_MAX - LONGITUDE_MIN;
        return new Area(
                LONGITUDE_MIN + (longitudeCell * 1.0 / cells) * longitudeScale,
                LONGITUDE_MIN + (((longitudeCell + 1) & 0xffffffffL) * 1.0 / cells) * longitudeScale,
                LATITUDE_MIN + (latitudeCell * 1.0 / cells) * latitudeScale,
                LATITUDE_MIN + (((latitudeCell + 1) & 0xffffffffL) * 1.0 / cells) * latitudeScale);
    }

    /**
     * Decodes a stored score to the centre of its cell, clamped to the valid ranges.
     *
     * @return {longitude, latitude}
     */
    static double[] position(double score) {
        Area area = decode(new Cell(scoreBits(score), STEP_MAX));
        double longitude = clamp((area.longitudeMin() + area.longitudeMax()) / 2, LONGITUDE_MIN, LONGITUDE_MAX);
        double latitude = clamp((area.latitudeMin() + area.latitudeMax()) / 2, LATITUDE_MIN, LATITUDE_MAX);
        return new double[] {longitude, latitude};
    }

    /**
     * Converts a score to the unsigned 64-bit integer that x86-64 C code gets from {@code (uint64_t) score}, so that
     * scores written by ZADD (negative, fractional, huge) decode as they do in Redis.
     */
    static long scoreBits(double score) {
        if (score >= TWO_TO_63) {
            return score >= TWO_TO_64 ? 0 : (long) (score - TWO_TO_63) ^ Long.MIN_VALUE;
        }
        return (long) score;
    }

    /** Returns the cell one step east (+1) or west (-1) of {@code cell}, wrapping around. */
    static Cell moveLongitude(Cell cell, int direction) {
        int shift = 64 - cell.step() * 2;
        long longitude = cell.bits() & ODD_BITS;
        long latitude = cell.bits() & EVEN_BITS;
        long fill = EVEN_BITS >>> shift;
        longitude = direction > 0 ? longitude + (fill + 1) : (longitude | fill) - (fill + 1);
        longitude &= ODD_BITS >>> shift;
        return new Cell(longitude | latitude, cell.step());
    }

    /** Returns the cell one step north (+1) or south (-1) of {@code cell}, wrapping around. */
    static Cell moveLatitude(Cell cell, int direction) {
        int shift = 64 - cell.step() * 2;
        long longitude = cell.bits() & ODD_BITS;
        long latitude = cell.bits() & EVEN_BITS;
        long fill = ODD_BITS >>> shift;
        latitude = direction > 0 ? latitude + (fill + 1) : (latitude | fill) - (fill + 1);
        latitude &= EVEN_BITS >>> shift;
        return new Cell(longitude | latitude, cell.step());
    }

    /** Interleaves the low 32 bits of each: {@code even} into the even bits, {@code odd} into the odd bits. */
    static long interleave(long even, long odd) {
        return spread(even) | (spread(odd) << 1);
    }

    /** The inverse of {@link #interleave}: the even bits in the low half, the odd bits in the high half. */
    static long deinterleave(long interleaved) {
        return compact(interleaved) | (compact(interleaved >>> 1) << 32);
    }

    private static long spread(long value) {
        long x = value & 0xffffffffL;
        x = (x | (x << 16)) & 0x0000ffff0000ffffL;
        x = (x | (x << 8)) & 0x00ff00ff00ff00ffL;
        x = (x | (x << 4)) & 0x0f0f0f0f0f0f0f0fL;
        x = (x | (x << 2)) & 0x3333333333333333L;
        x = (x | (x << 1)) & EVEN_BITS;
        return x;
    }

    private static long compact(long value) {
        long x = value & EVEN_BITS;
        x = (x | (x >>> 1)) & 0x3333333333333333L;
        x = (x | (x >>> 2)) & 0x0f0f0f0f0f0f0f0fL;
        x = (x | (x >>> 4)) & 0x00ff00ff00ff00ffL;
        x = (x | (x >>> 8)) & 0x0000ffff0000ffffL;
        x = (x | (x >>> 16)) & 0x00000000ffffffffL;
        return x;
    }

    private static double clamp(double value, double min, double max) {
        return value > max ? max : value < min ? min : value;
    }
}

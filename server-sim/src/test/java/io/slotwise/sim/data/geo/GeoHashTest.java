package io.slotwise.sim.data.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Geohash scores, decoding, neighbour cells, geohash text, number formats and search steps. */
class GeoHashTest {

    @ParameterizedTest
    @CsvSource({
        // longitude, latitude, score, GEOPOS longitude, GEOPOS latitude, GEOHASH: as Redis 7.0.15 answers them
        "13.361389, 38.115556, 3479099956230698, 13.36138933897018433, 38.11555639549629859, sqc8b49rny0",
        "15.087269, 37.502669, 3479447370796909, 15.08726745843887329, 37.50266842333162032, sqdtr74hyu0",
        "-180, -85.05112878, 0, -179.99999731779098511, -85.05112751263942528, 00bh0hbj200",
        "180, 85.05112878, 13510798882111488, 180, 85.0511287799999991, bp05b5048p0"
    })
    void positionsEncodeAndDecodeAsRedisDoes(
            double longitude, double latitude, long score, String shownLongitude, String shownLatitude, String hash) {
        assertEquals(score, GeoHash.score(longitude, latitude));
        double[] position = GeoHash.position(score);
        assertEquals(shownLongitude, GeoFormat.coordinate(position[0]));
        assertEquals(shownLatitude, GeoFormat.coordinate(position[1]));
        assertEquals(hash, GeoHashText.of(position[0], position[1]));
    }

    @Test
    void interleavingRoundTrips() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            long even = random.nextLong() & 0xffffffffL;
            long odd = random.nextLong() & 0xffffffffL;
            long interleaved = GeoHash.interleave(even, odd);
            assertEquals(even | (odd << 32), GeoHash.deinterleave(interleaved));
        }
    }

    @Test
    void movingToANeighbourAndBackReturnsToTheCell() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1000; i++) {
            int step = 1 + random.nextInt(GeoHash.STEP_MAX);
            GeoHash.Cell cell = new GeoHash.Cell(random.nextLong() & ((1L << (2 * step)) - 1), step);
            assertEquals(cell, GeoHash.moveLongitude(GeoHash.moveLongitude(cell, 1), -1));
            assertEquals(cell, GeoHash.moveLatitude(GeoHash.moveLatitude(cell, -1), 1));
            GeoHash.Area area = GeoHash.decode(cell);
            GeoHash.Area north = GeoHash.decode(GeoHash.moveLatitude(cell, 1));
            if (area.latitudeMax() < GeoHash.LATITUDE_MAX) {
                assertEquals(area.latitudeMax(), north.latitudeMin(), 1e-9, "north neighbour adjoins");
            }
        }
    }

    @Test
    void scoresOutsideTheGeohashRangeDecodeLikeCCasts() {
        assertEquals(-1L, GeoHash.scoreBits(-1.5));
        assertEquals(Long.MIN_VALUE, GeoHash.scoreBits(Double.NEGATIVE_INFINITY));
        assertEquals(0L, GeoHash.scoreBits(Double.POSITIVE_INFINITY));
        assertEquals(Long.MIN_VALUE + 2048, GeoHash.scoreBits(0x1p63 + 2048));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "-0.0, 0", "180, 180", "-1.5, -1.5", "0.1, 0.10000000000000001", "-1e-20, 0"})
    void coordinatesPrintAsRedisHumanLongDoubles(double value, String text) {
        assertEquals(text, GeoFormat.coordinate(value));
    }

    @ParameterizedTest
    @CsvSource({"166274.15156960033, 166274.1516", "0, 0.0000", "0.00005, 0.0001", "1e300, "})
    void distancesPrintWithFourDecimals(double value, String text) {
        if (text == null) {
            assertTrue(GeoFormat.distance(value).endsWith(".0000"));
            assertEquals(306, GeoFormat.distance(value).length());
        } else {
            assertEquals(text, GeoFormat.distance(value));
        }
    }

    @Test
    void errorValuesPrintAsPercentF() {
        assertEquals("200.000000", GeoFormat.inError(200));
        assertEquals("-0.000000", GeoFormat.inError(-1e-9));
        assertEquals("inf", GeoFormat.inError(Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 26", "1000, 0, 14", "1000, 70, 13", "1000, -85, 12", "100000000, 0, 1", "1, 0, 24"})
    void searchStepShrinksWithTheRadiusAndTowardsThePoles(double meters, double latitude, int step) {
        assertEquals(step, GeoSearchArea.estimateStep(meters, latitude));
    }

    @Test
    void validityFollowsTheMercatorRanges() {
        assertTrue(GeoHash.isValid(180, 85.05112878));
        assertFalse(GeoHash.isValid(180.000001, 0));
        assertFalse(GeoHash.isValid(0, -85.05112879));
    }
}

package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.api.AsyncCommands;
import io.slotwise.api.args.BitFieldArgs;
import io.slotwise.api.args.BitFieldOverflow;
import io.slotwise.api.args.BitFieldType;
import io.slotwise.api.args.BitOperation;
import io.slotwise.api.args.BitRange;
import io.slotwise.api.args.GeoAddOptions;
import io.slotwise.api.args.GeoSearch;
import io.slotwise.api.args.GeoSearchDetail;
import io.slotwise.api.args.GeoUnit;
import io.slotwise.resp.RespValue;
import io.slotwise.value.GeoCoordinates;
import io.slotwise.value.GeoSearchResult;
import io.slotwise.value.GeoValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HyperLogLog, geo and bitmap command families through the client, over RESP2 and RESP3: each family's typed
 * methods reach the slot's owner and decode the server's replies to the same values on both protocols. Expected
 * distances, geohashes and bit counts are computed independently ({@link GeoMath}, {@link Integer#bitCount}); Redis
 * rounds distances to 4 decimals and stores positions as 52-bit geohashes, so geo values are compared with a
 * tolerance. Multi-key commands that cannot split are refused before sending when their keys span slots.
 */
public abstract class GeoHyperLogLogBitmapBehaviour {

    private static final GeoCoordinates PALERMO = GeoCoordinates.of(13.361389, 38.115556);
    private static final GeoCoordinates CATANIA = GeoCoordinates.of(15.087269, 37.502669);
    private static final GeoCoordinates CENTRE = GeoCoordinates.of(15, 37);
    /** Degrees: a 52-bit geohash cell is about 0.6 m wide, well under 1e-5 degrees. */
    private static final double POSITION_TOLERANCE = 1e-5;
    /** Metres: two positions each up to ~0.6 m off, plus Redis's rounding to 4 decimals. */
    private static final double DISTANCE_TOLERANCE_METERS = 2;

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected GeoHyperLogLogBitmapBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @ParameterizedTest(name = "resp3={0}")
    @ValueSource(booleans = {true, false})
    void hyperLogLogsCountDistinctElementsAndTheirUnionWithinOneSlot(boolean resp3) {
        String tag = "{hll-" + protocol(resp3) + "}";
        String mon = tag + ":mon";
        String tue = tag + ":tue";
        String week = tag + ":week";
        String big = tag + ":big";
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.resp3(resp3))) {
            AsyncCommands<String, String> c = observed.commands();
            assertTrue(Calls.value(c.pfadd(mon, List.of("a", "b", "c"))));
            assertFalse(Calls.value(c.pfadd(mon, "a")), "a known element leaves the estimate unchanged");
            assertTrue(Calls.value(c.pfadd(tue, List.of("c", "d", "e"))));
            assertEquals(3L, Calls.value(c.pfcount(mon)));
            assertEquals(5L, Calls.value(c.pfcount(List.of(mon, tue))), "the union, c counted once");
            assertEquals(0L, Calls.value(c.pfcount(tag + ":absent")));

            assertEquals("OK", Calls.value(c.pfmerge(week, List.of(mon, tue))));
            assertEquals(5L, Calls.value(c.pfcount(week)));

            List<String> many = IntStream.range(0, 5000).mapToObj(i -> "e" + i).toList();
            assertTrue(Calls.value(c.pfadd(big, many)));
            long estimate = Calls.value(c.pfcount(big));
            assertTrue(Math.abs(estimate - many.size()) <= many.size() * 0.03, "estimate " + estimate);

            CrossSlotException crossSlot =
                    assertThrows(CrossSlotException.class, () -> c.pfcount(List.of("hll:mon", "hll:tue")));
            assertTrue(crossSlot.getMessage().contains("PFCOUNT"), crossSlot.getMessage());
            assertEquals(4L, Calls.value(c.del(List.of(mon, tue, week, big))));
        }
    }

    @ParameterizedTest(name = "resp3={0}")
    @ValueSource(booleans = {true, false})
    void geoIndexesLocateMeasureAndSearchTheirMembers(boolean resp3) {
        String tag = "{geo-" + protocol(resp3) + "}";
        String sicily = tag + ":sicily";
        String near = tag + ":near";
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.resp3(resp3))) {
            AsyncCommands<String, String> c = observed.commands();
            assertEquals(1L, Calls.value(c.geoadd(sicily, PALERMO.longitude(), PALERMO.latitude(), "Palermo")));
            List<GeoValue<String>> more =
                    List.of(new GeoValue<>("Catania", CATANIA), new GeoValue<>("Palermo", GeoCoordinates.of(0, 0)));
            assertEquals(1L, Calls.value(c.geoadd(sicily, GeoAddOptions.nx(), more)), "NX adds Catania only");
            assertEquals(
                    0L,
                    Calls.value(c.geoadd(sicily, GeoAddOptions.xx().ch(), List.of(new GeoValue<>("Palermo", PALERMO)))),
                    "moving Palermo to where it is changes nothing");

            List<GeoCoordinates> positions = Calls.value(c.geopos(sicily, List.of("Palermo", "Rome", "Catania")));
            assertClose(PALERMO, positions.get(0));
            assertNull(positions.get(1));
            assertClose(CATANIA, positions.get(2));

            double meters = GeoMath.distanceMeters(positions.get(0), positions.get(2));
            assertEquals(meters, Calls.value(c.geodist(sicily, "Palermo", "Catania", GeoUnit.METERS)), 0.01);
            assertEquals(
                    meters / 1000,
                    Calls.value(c.geodist(sicily, "Palermo", "Catania", GeoUnit.KILOMETERS)),
                    DISTANCE_TOLERANCE_METERS / 1000);
            assertNull(Calls.value(c.geodist(sicily, "Palermo", "Rome", GeoUnit.MILES)));

            List<String> hashes = Calls.value(c.geohash(sicily, List.of("Palermo", "Rome")));
            assertEquals(11, hashes.get(0).length());
            assertTrue(hashes.get(0).startsWith(GeoMath.geohash(positions.get(0), 10)), hashes.get(0));
            assertNull(hashes.get(1));

            GeoSearch radius = GeoSearch.byRadius(200, GeoUnit.KILOMETERS).ascending();
            assertEquals(List.of("Catania", "Palermo"), Calls.value(c.geosearch(sicily, CENTRE, radius)));
            assertEquals(List.of(), Calls.value(c.geosearch(tag + ":absent", CENTRE, radius)));
            List<GeoSearchResult<String>> found =
                    Calls.value(c.geosearchWith(sicily, CENTRE, radius, EnumSet.allOf(GeoSearchDetail.class)));
            assertEquals(2, found.size());
            for (int i = 0; i < found.size(); i++) {
                GeoSearchResult<String> result = found.get(i);
                GeoCoordinates stored = positions.get(i == 0 ? 2 : 0);
                assertEquals(List.of("Catania", "Palermo").get(i), result.member());
                assertClose(stored, result.coordinates());
                assertEquals(GeoMath.distanceMeters(CENTRE, stored) / 1000, result.distance(), 0.001);
                assertEquals(
                        Calls.value(c.zscore(sicily, result.member())),
                        result.hash().doubleValue());
            }
            List<GeoSearchResult<String>> distanceOnly = Calls.value(c.geosearchWith(
                    sicily,
                    "Palermo",
                    GeoSearch.byBox(400, 400, GeoUnit.KILOMETERS).descending().limit(1),
                    EnumSet.of(GeoSearchDetail.DISTANCE)));
            assertEquals("Catania", distanceOnly.get(0).member());
            assertEquals(meters / 1000, distanceOnly.get(0).distance(), 0.001);
            assertNull(distanceOnly.get(0).coordinates());
            assertEquals(
                    1,
                    Calls.value(c.geosearch(sicily, "Palermo", radius.limitAny(1)))
                            .size());

            assertEquals(2L, Calls.value(c.geosearchstore(near, sicily, CENTRE, radius, true)));
            assertEquals(
                    GeoMath.distanceMeters(CENTRE, positions.get(2)) / 1000,
                    Calls.value(c.zscore(near, "Catania")),
                    0.001);
            assertThrows(CrossSlotException.class, () -> c.geosearchstore("near", "sicily", CENTRE, radius, false));

            RespValue raw = Calls.value(
                    c.execute(c.command("GEOPOS").key(sicily).value("Palermo").build()));
            RespValue longitude = ((RespValue.Array)
                            ((RespValue.Array) raw).elements().get(0))
                    .elements()
                    .get(0);
            Class<? extends RespValue> expectedType = resp3 ? RespValue.Double.class : RespValue.Bulk.class;
            assertEquals(expectedType, longitude.getClass(), "the protocol in use");
            assertEquals(2L, Calls.value(c.del(List.of(sicily, near))));
        }
    }

    @ParameterizedTest(name = "resp3={0}")
    @ValueSource(booleans = {true, false})
    void bitmapsSetCountFindAndCombineBitsAndPackIntegerFields(boolean resp3) {
        String tag = "{bits-" + protocol(resp3) + "}";
        String flags = tag + ":flags";
        String foo = tag + ":foo";
        String abc = tag + ":abc";
        String out = tag + ":out";
        String fields = tag + ":fields";
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.resp3(resp3))) {
            AsyncCommands<String, String> c = observed.commands();
            assertFalse(Calls.value(c.setbit(flags, 7, true)), "the previous bit");
            assertTrue(Calls.value(c.setbit(flags, 7, true)));
            assertTrue(Calls.value(c.getbit(flags, 7)));
            assertFalse(Calls.value(c.getbit(flags, 1000)), "beyond the end");
            assertEquals(1L, Calls.value(c.bitcount(flags)));

            byte[] fooBytes = "foobar".getBytes(StandardCharsets.US_ASCII);
            byte[] abcBytes = "abcdef".getBytes(StandardCharsets.US_ASCII);
            Calls.value(c.set(foo, "foobar"));
            Calls.value(c.set(abc, "abcdef"));
            assertEquals(bitCount(fooBytes, 0, 47), Calls.value(c.bitcount(foo)));
            assertEquals(bitCount(fooBytes, 8, 15), Calls.value(c.bitcount(foo, BitRange.bytes(1, 1))));
            assertEquals(bitCount(fooBytes, 5, 30), Calls.value(c.bitcount(foo, BitRange.bits(5, 30))));
            assertEquals(firstBit(fooBytes, true, 0, 47), Calls.value(c.bitpos(foo, true)));
            assertEquals(firstBit(fooBytes, false, 16, 47), Calls.value(c.bitpos(foo, false, 2)));
            assertEquals(firstBit(fooBytes, true, 9, 40), Calls.value(c.bitpos(foo, true, BitRange.bits(9, 40))));
            assertEquals(-1L, Calls.value(c.bitpos(flags, false, BitRange.bits(7, 7))));

            assertEquals(6L, Calls.value(c.bitop(BitOperation.AND, out, List.of(foo, abc))));
            assertEquals(combine(fooBytes, abcBytes, BitOperation.AND), Calls.value(c.get(out)));
            assertEquals(6L, Calls.value(c.bitop(BitOperation.XOR, out, List.of(foo, abc))));
            assertEquals(combine(fooBytes, abcBytes, BitOperation.XOR), Calls.value(c.get(out)));
            assertEquals(6L, Calls.value(c.bitop(BitOperation.NOT, out, List.of(foo))));
            assertEquals(48 - bitCount(fooBytes, 0, 47), Calls.value(c.bitcount(out)));
            assertThrows(CrossSlotException.class, () -> c.bitop(BitOperation.OR, "out", List.of("foo", "abc")));

            BitFieldType u8 = BitFieldType.unsigned(8);
            BitFieldArgs ops = BitFieldArgs.builder()
                    .set(u8, 0, 250)
                    .get(u8, 0)
                    .overflow(BitFieldOverflow.FAIL)
                    .incrBy(u8, 0, 10)
                    .overflow(BitFieldOverflow.SAT)
                    .incrBy(u8, 0, 10)
                    .overflow(BitFieldOverflow.WRAP)
                    .incrBy(u8, 0, 10)
                    .incrBy(BitFieldType.signed(64), 64, Long.MIN_VALUE)
                    .build();
            assertEquals(Arrays.asList(0L, 250L, null, 255L, 9L, Long.MIN_VALUE), Calls.value(c.bitfield(fields, ops)));
            BitFieldArgs reads = BitFieldArgs.builder()
                    .get(BitFieldType.unsigned(4), 4)
                    .get(BitFieldType.signed(4), 0)
                    .get(u8, 1000)
                    .build();
            assertEquals(List.of(9L, 0L, 0L), Calls.value(c.bitfieldRo(fields, reads)));
            assertEquals(5L, Calls.value(c.del(List.of(flags, foo, abc, out, fields))));
        }
    }

    private static String protocol(boolean resp3) {
        return resp3 ? "r3" : "r2";
    }

    private static void assertClose(GeoCoordinates expected, GeoCoordinates actual) {
        assertNotNull(actual);
        assertEquals(expected.longitude(), actual.longitude(), POSITION_TOLERANCE, "longitude");
        assertEquals(expected.latitude(), actual.latitude(), POSITION_TOLERANCE, "latitude");
    }

    /** The number of 1 bits from bit {@code from} to bit {@code to}, both included. */
    private static long bitCount(byte[] bytes, int from, int to) {
        return IntStream.rangeClosed(from, to).filter(bit -> bit(bytes, bit)).count();
    }

    /** The first bit equal to {@code value} from bit {@code from} to bit {@code to}, or -1. */
    private static long firstBit(byte[] bytes, boolean value, int from, int to) {
        return IntStream.rangeClosed(from, to)
                .filter(bit -> bit(bytes, bit) == value)
                .findFirst()
                .orElse(-1);
    }

    private static boolean bit(byte[] bytes, int bit) {
        return (bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0;
    }

    private static String combine(byte[] a, byte[] b, BitOperation operation) {
        byte[] combined = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            combined[i] = (byte) (operation == BitOperation.AND ? a[i] & b[i] : a[i] ^ b[i]);
        }
        return new String(combined, StandardCharsets.US_ASCII);
    }
}

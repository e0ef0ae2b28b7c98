package io.slotwise.api;

import static io.slotwise.api.CommandCase.expect;
import static io.slotwise.api.DecodeCase.array;
import static io.slotwise.api.DecodeCase.bulk;
import static io.slotwise.api.DecodeCase.decodes;
import static io.slotwise.api.DecodeCase.integer;
import static io.slotwise.api.DecodeCase.nil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import io.slotwise.UnexpectedReplyException;
import io.slotwise.api.args.GeoAddOptions;
import io.slotwise.api.args.GeoSearch;
import io.slotwise.api.args.GeoSearchDetail;
import io.slotwise.api.args.GeoUnit;
import io.slotwise.resp.RespValue;
import io.slotwise.value.GeoCoordinates;
import io.slotwise.value.GeoSearchResult;
import io.slotwise.value.GeoValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GeoCommandsTest {

    private static final GeoSearch RADIUS = GeoSearch.byRadius(200, GeoUnit.KILOMETERS);
    private static final GeoCoordinates CENTRE = GeoCoordinates.of(15, 37);
    private static final Set<GeoSearchDetail> ALL = EnumSet.allOf(GeoSearchDetail.class);

    static Stream<CommandCase> commands() {
        return Stream.of(
                expect("GEOADD k 13.361389 38.115556 Palermo", c -> c.geoadd("k", 13.361389, 38.115556, "Palermo")),
                expect(
                        "GEOADD k NX CH 1 2 a -3.5 -4 b",
                        c -> c.geoadd(
                                "k",
                                GeoAddOptions.nx().ch(),
                                List.of(GeoValue.of(1, 2, "a"), GeoValue.of(-3.5, -4, "b")))),
                expect(
                        "GEOADD k XX 180 0 a",
                        c -> c.geoadd("k", GeoAddOptions.xx(), List.of(GeoValue.of(180, 0, "a")))),
                expect(
                        "GEOADD k CH 0 0 a",
                        c -> c.geoadd("k", GeoAddOptions.none().ch(), List.of(GeoValue.of(0, 0, "a")))),
                expect("GEOPOS k a b", c -> c.geopos("k", List.of("a", "b"))).readOnly(),
                expect("GEODIST k a b km", c -> c.geodist("k", "a", "b", GeoUnit.KILOMETERS))
                        .readOnly(),
                expect("GEODIST k a b mi", c -> c.geodist("k", "a", "b", GeoUnit.MILES))
                        .readOnly(),
                expect("GEOHASH k a", c -> c.geohash("k", List.of("a"))).readOnly(),
                expect("GEOSEARCH k FROMMEMBER m BYRADIUS 200 km", c -> c.geosearch("k", "m", RADIUS))
                        .readOnly(),
                expect(
                                "GEOSEARCH k FROMLONLAT 15 37 BYRADIUS 200 km ASC",
                                c -> c.geosearch("k", CENTRE, RADIUS.ascending()))
                        .readOnly(),
                expect(
                                "GEOSEARCH k FROMLONLAT -0.5 51.25 BYBOX 400 300.5 ft DESC COUNT 3 ANY",
                                c -> c.geosearch(
                                        "k",
                                        GeoCoordinates.of(-0.5, 51.25),
                                        GeoSearch.byBox(400, 300.5, GeoUnit.FEET)
                                                .descending()
                                                .limitAny(3)))
                        .readOnly(),
                expect(
                                "GEOSEARCH k FROMMEMBER m BYRADIUS 5 m COUNT 2",
                                c -> c.geosearch(
                                        "k",
                                        "m",
                                        GeoSearch.byRadius(5, GeoUnit.METERS).limit(2)))
                        .readOnly(),
                expect(
                                "GEOSEARCH k FROMMEMBER m BYRADIUS 200 km ASC WITHCOORD WITHDIST WITHHASH",
                                c -> c.geosearchWith("k", "m", RADIUS.ascending(), ALL))
                        .readOnly(),
                expect(
                                "GEOSEARCH k FROMLONLAT 15 37 BYRADIUS 200 km WITHCOORD WITHHASH",
                                c -> c.geosearchWith(
                                        "k",
                                        CENTRE,
                                        RADIUS,
                                        EnumSet.of(GeoSearchDetail.HASH, GeoSearchDetail.COORDINATES)))
                        .readOnly(),
                expect(
                                "GEOSEARCHSTORE {g}d {g}s FROMMEMBER m BYRADIUS 200 km",
                                c -> c.geosearchstore("{g}d", "{g}s", "m", RADIUS, false))
                        .keys(1, 2),
                expect(
                                "GEOSEARCHSTORE {g}d {g}s FROMLONLAT 15 37 BYRADIUS 200 km ASC COUNT 1 STOREDIST",
                                c -> c.geosearchstore(
                                        "{g}d",
                                        "{g}s",
                                        CENTRE,
                                        RADIUS.ascending().limit(1),
                                        true))
                        .keys(1, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void buildsTheExactCommand(CommandCase row) {
        row.verify();
    }

    static Stream<DecodeCase> replies() {
        GeoCoordinates palermo = GeoCoordinates.of(13.36138933897018433, 38.11555639549629859);
        GeoCoordinates catania = GeoCoordinates.of(15.08726745843887329, 37.50266842333162032);
        return Stream.of(
                decodes("GEOADD", c -> c.geoadd("k", 1, 2, "a"), integer(1), 1L),
                decodes(
                        "GEOPOS RESP2 with a non-member",
                        c -> c.geopos("k", List.of("Palermo", "x")),
                        array(array(bulk("13.36138933897018433"), bulk("38.11555639549629859")), nil()),
                        Arrays.asList(palermo, null)),
                decodes(
                        "GEOPOS RESP3",
                        c -> c.geopos("k", List.of("Palermo")),
                        array(array(
                                new RespValue.Double(13.36138933897018433),
                                new RespValue.Double(38.11555639549629859))),
                        List.of(palermo)),
                decodes(
                        "GEODIST bulk string",
                        c -> c.geodist("k", "a", "b", GeoUnit.KILOMETERS),
                        bulk("166.2742"),
                        166.2742),
                decodes(
                        "GEODIST double",
                        c -> c.geodist("k", "a", "b", GeoUnit.KILOMETERS),
                        new RespValue.Double(166.2742),
                        166.2742),
                decodes("GEODIST of a non-member", c -> c.geodist("k", "a", "x", GeoUnit.METERS), nil(), null),
                decodes(
                        "GEOHASH with a non-member",
                        c -> c.geohash("k", List.of("a", "x")),
                        array(bulk("sqc8b49rny0"), nil()),
                        Arrays.asList("sqc8b49rny0", null)),
                decodes(
                        "GEOSEARCH members",
                        c -> c.geosearch("k", "m", RADIUS),
                        array(bulk("Catania"), bulk("Palermo")),
                        List.of("Catania", "Palermo")),
                decodes("GEOSEARCH of a missing key", c -> c.geosearch("k", CENTRE, RADIUS), array(), List.of()),
                decodes(
                        "GEOSEARCH with all details RESP2",
                        c -> c.geosearchWith("k", CENTRE, RADIUS, ALL),
                        array(array(
                                bulk("Catania"),
                                bulk("56.4413"),
                                integer(3479447370796909L),
                                array(bulk("15.08726745843887329"), bulk("37.50266842333162032")))),
                        List.of(new GeoSearchResult<>("Catania", 56.4413, 3479447370796909L, catania))),
                decodes(
                        "GEOSEARCH with all details RESP3",
                        c -> c.geosearchWith("k", CENTRE, RADIUS, ALL),
                        array(array(
                                bulk("Catania"),
                                bulk("56.4413"),
                                integer(3479447370796909L),
                                array(
                                        new RespValue.Double(15.08726745843887329),
                                        new RespValue.Double(37.50266842333162032)))),
                        List.of(new GeoSearchResult<>("Catania", 56.4413, 3479447370796909L, catania))),
                decodes(
                        "GEOSEARCH with distance only, as a double",
                        c -> c.geosearchWith("k", "m", RADIUS, EnumSet.of(GeoSearchDetail.DISTANCE)),
                        array(array(bulk("Palermo"), new RespValue.Double(190.4424))),
                        List.of(new GeoSearchResult<>("Palermo", 190.4424, null, null))),
                decodes(
                        "GEOSEARCH with coordinates only",
                        c -> c.geosearchWith("k", "m", RADIUS, EnumSet.of(GeoSearchDetail.COORDINATES)),
                        array(array(
                                bulk("Palermo"), array(bulk("13.36138933897018433"), bulk("38.11555639549629859")))),
                        List.of(new GeoSearchResult<>("Palermo", null, null, palermo))),
                decodes("GEOSEARCHSTORE", c -> c.geosearchstore("{g}d", "{g}s", "m", RADIUS, false), integer(2), 2L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReply(DecodeCase row) {
        row.verify();
    }

    @Test
    void searchResultsOfTheWrongShapeAreUnexpectedReplies() {
        RecordingCommands<String, String> client =
                RecordingCommands.utf8().replyWith(array(array(bulk("Palermo"), bulk("1.5"))));
        CompletionException failure = assertThrows(
                CompletionException.class,
                () -> client.geosearchWith("k", "m", RADIUS, ALL)
                        .toCompletableFuture()
                        .join());
        assertTrue(failure.getCause() instanceof UnexpectedReplyException, failure.toString());
        RecordingCommands<String, String> outOfRange =
                RecordingCommands.utf8().replyWith(array(array(bulk("200"), bulk("0"))));
        failure = assertThrows(
                CompletionException.class,
                () -> outOfRange.geopos("k", List.of("a")).toCompletableFuture().join());
        assertTrue(failure.getCause() instanceof UnexpectedReplyException, failure.toString());
    }

    @Test
    void invalidGeoArgumentsFailBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> GeoCoordinates.of(180.5, 0));
        assertThrows(IllegalArgumentException.class, () -> GeoCoordinates.of(0, 85.06));
        assertThrows(IllegalArgumentException.class, () -> GeoCoordinates.of(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> GeoSearch.byRadius(-1, GeoUnit.METERS));
        assertThrows(
                IllegalArgumentException.class, () -> GeoSearch.byRadius(Double.POSITIVE_INFINITY, GeoUnit.METERS));
        assertThrows(IllegalArgumentException.class, () -> GeoSearch.byBox(1, Double.NaN, GeoUnit.METERS));
        assertThrows(IllegalArgumentException.class, () -> RADIUS.limit(0));
        assertThrows(IllegalArgumentException.class, () -> RADIUS.limitAny(-1));
        assertThrows(NullPointerException.class, () -> GeoSearch.byRadius(1, null));
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        assertThrows(IllegalArgumentException.class, () -> client.geoadd("k", GeoAddOptions.none(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> client.geopos("k", List.of()));
        assertThrows(IllegalArgumentException.class, () -> client.geosearchWith("k", "m", RADIUS, Set.of()));
        assertThrows(NullPointerException.class, () -> client.geodist("k", "a", "b", null));
        assertThrows(IllegalArgumentException.class, () -> client.geoadd("k", 0, 90, "pole"));
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void storingSearchResultsInAnotherSlotFailsBeforeAnythingIsSent() {
        RecordingCommands<String, String> client = RecordingCommands.utf8();
        CrossSlotException error = assertThrows(
                CrossSlotException.class, () -> client.geosearchstore("near", "places", "m", RADIUS, false));
        assertTrue(error.getMessage().contains("GEOSEARCHSTORE"), error.getMessage());
        assertTrue(client.sent().isEmpty());
    }

    @Test
    void searchShapesAreValuesThatShowTheirTokens() {
        assertEquals(RADIUS.ascending().limit(3), RADIUS.limit(3).ascending());
        assertEquals(
                "GeoSearch[BYRADIUS, 200, km] ASC COUNT 3",
                RADIUS.ascending().limit(3).toString());
        assertEquals(GeoAddOptions.nx().ch(), GeoAddOptions.nx().ch());
        assertTrue(GeoValue.of(1, 2, "secret").toString().contains("hidden"));
    }
}

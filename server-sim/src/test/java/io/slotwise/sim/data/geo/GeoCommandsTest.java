package io.slotwise.sim.data.geo;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The geo commands over a loopback socket, with Redis 7.0.15's replies for Palermo and Catania. */
class GeoCommandsTest {
    private static final String NULL_BULK = "$-1\r\n";
    private static SimNode node;

    @BeforeAll
    static void startNode() {
        node = SimNode.builder(SimNodeConfig.defaults().with("port", "0")).start();
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    @BeforeEach
    void addSicily() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("FLUSHALL");
            client.call("GEOADD", "{s}g", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania");
        }
    }

    private static RespClient connect(int protocol) {
        RespClient client = RespClient.connect(node.port());
        if (protocol == 3) {
            client.call("HELLO", "3");
        }
        return client;
    }

    @Test
    void geoaddAnswersLikeZaddWithItsFlags() {
        try (RespClient client = connect(2)) {
            assertEquals(integer(0), client.call("GEOADD", "{s}g", "13.361389", "38.115556", "Palermo"));
            assertEquals(integer(1), client.call("GEOADD", "{s}g", "CH", "13.5", "38.115556", "Palermo"));
            assertEquals(integer(0), client.call("GEOADD", "{s}g", "NX", "1", "1", "Palermo"));
            assertEquals(integer(0), client.call("GEOADD", "{s}g", "XX", "1", "1", "Trapani"));
            assertEquals(integer(0), client.call("GEOADD", "{s}none", "XX", "1", "1", "a"));
            assertEquals(integer(0), client.call("EXISTS", "{s}none"));
            assertEquals(bulk("3479447370796909"), client.call("ZSCORE", "{s}g", "Catania"));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GEOADD {s}g 200 100 x | ERR invalid longitude,latitude pair 200.000000,100.000000",
                "GEOADD {s}g abc 2 a | ERR value is not a valid float",
                "GEOADD {s}g NX XX 1 2 a | ERR syntax error",
                "GEOADD {s}g 1.5 2 a 3 | ERR syntax error",
                "GEODIST {s}g Palermo Catania parsec | ERR unsupported unit provided. please use M, KM, FT, MI",
                "GEODIST {s}g Palermo Catania km x | ERR syntax error",
                "GEOSEARCH {s}g FROMMEMBER nope BYRADIUS 200 km | ERR could not decode requested zset member",
                "GEOSEARCH {s}g FROMLONLAT 15 37 FROMMEMBER Palermo BYRADIUS 1 km | ERR syntax error",
                "GEOSEARCH {s}g FROMLONLAT 15 37 BYRADIUS 200 km ANY | ERR the ANY argument requires COUNT argument",
                "GEOSEARCH {s}g FROMLONLAT 15 37 BYRADIUS 200 km COUNT 0 | ERR COUNT must be > 0",
                "GEOSEARCH {s}g FROMLONLAT 15 37 BYRADIUS -1 km | ERR radius cannot be negative",
                "GEOSEARCH {s}g FROMLONLAT 15 37 BYRADIUS x km | ERR need numeric radius",
                "GEOSEARCH {s}g FROMLONLAT 15 37 BYBOX 1 -1 km | ERR height or width cannot be negative",
                "GEOSEARCH {s}g FROMLONLAT 15 37 BYRADIUS 1 km STOREDIST | ERR syntax error",
                "geosearch {s}g BYRADIUS 1 km WITHDIST ASC | ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for geosearch",
                "GEOSEARCH {s}g FROMLONLAT 1 1 ASC DESC | ERR exactly one of BYRADIUS and BYBOX can be specified for GEOSEARCH",
                "GEOSEARCHSTORE {s}d {s}g FROMLONLAT 15 37 BYRADIUS 2 km WITHDIST | ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options",
                "GEORADIUS {s}g 15 37 200 km WITHHASH STORE {s}d | ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options",
                "GEORADIUS_RO {s}g 15 37 200 km STORE {s}d | ERR syntax error",
                "GEORADIUSBYMEMBER {s}g nope 200 km | ERR could not decode requested zset member"
            })
    void badArgumentsGetRedisErrors(String command, String expected) {
        try (RespClient client = connect(2)) {
            assertEquals(error(expected), client.call(command.split(" ")));
        }
    }

    @Test
    void geoposAndGeohashAndGeodistReadTheStoredPositions() {
        try (RespClient client = connect(2)) {
            assertEquals(
                    array(array(bulk("13.36138933897018433"), bulk("38.11555639549629859")), "*-1\r\n"),
                    client.call("GEOPOS", "{s}g", "Palermo", "nope"));
            assertEquals(array(bulk("sqc8b49rny0"), NULL_BULK), client.call("GEOHASH", "{s}g", "Palermo", "nope"));
            assertEquals(bulk("166274.1516"), client.call("GEODIST", "{s}g", "Palermo", "Catania"));
            assertEquals(bulk("166.2742"), client.call("GEODIST", "{s}g", "Palermo", "Catania", "KM"));
            assertEquals(NULL_BULK, client.call("GEODIST", "{s}g", "Palermo", "nope"));
        }
    }

    @Test
    void geoposInResp3AnswersDoublesInRedisHumanForm() {
        try (RespClient client = connect(3)) {
            assertEquals(
                    array(array(",13.36138933897018433\r\n", ",38.11555639549629859\r\n"), "_\r\n"),
                    client.call("GEOPOS", "{s}g", "Palermo", "nope"));
        }
    }

    @Test
    void searchesReturnMembersWithTheRequestedDetailsInDistanceOrder() {
        try (RespClient client = connect(2)) {
            assertEquals(
                    array(
                            array(
                                    bulk("Palermo"),
                                    bulk("0.0000"),
                                    integer(3479099956230698L),
                                    array(bulk("13.36138933897018433"), bulk("38.11555639549629859"))),
                            array(
                                    bulk("Catania"),
                                    bulk("166.2742"),
                                    integer(3479447370796909L),
                                    array(bulk("15.08726745843887329"), bulk("37.50266842333162032")))),
                    client.call(
                            "GEOSEARCH",
                            "{s}g",
                            "FROMMEMBER",
                            "Palermo",
                            "BYRADIUS",
                            "200",
                            "km",
                            "WITHCOORD",
                            "WITHDIST",
                            "WITHHASH",
                            "ASC"));
            assertEquals(
                    array(array(bulk("Palermo"), bulk("190.4424")), array(bulk("Catania"), bulk("56.4413"))),
                    client.call(
                            "GEOSEARCH",
                            "{s}g",
                            "FROMLONLAT",
                            "15",
                            "37",
                            "BYBOX",
                            "400",
                            "400",
                            "km",
                            "DESC",
                            "WITHDIST"));
            assertEquals(
                    array(bulk("Palermo")),
                    client.call("GEORADIUS", "{s}g", "15", "37", "200", "km", "COUNT", "1", "ANY"),
                    "ANY takes the first match in scan order, not the nearest");
            assertEquals(
                    array(bulk("Catania")), client.call("GEORADIUS", "{s}g", "15", "37", "200", "km", "COUNT", "1"));
            assertEquals(array(), client.call("GEOSEARCH", "{s}none", "FROMMEMBER", "a", "BYRADIUS", "1", "km"));
        }
    }

    @Test
    void storingSearchesReplaceTheDestinationOrDeleteItWhenNothingMatches() {
        try (RespClient client = connect(2)) {
            assertEquals(
                    integer(1),
                    client.call(
                            "GEOSEARCHSTORE",
                            "{s}d",
                            "{s}g",
                            "FROMLONLAT",
                            "15",
                            "37",
                            "BYRADIUS",
                            "200",
                            "km",
                            "STOREDIST",
                            "COUNT",
                            "1"));
            assertEquals(
                    array(bulk("Catania"), bulk("56.441257870158204")),
                    client.call("ZRANGE", "{s}d", "0", "-1", "WITHSCORES"));
            assertEquals(integer(2), client.call("GEORADIUS", "{s}g", "15", "37", "200", "km", "STORE", "{s}d"));
            assertEquals(
                    array(bulk("Palermo"), bulk("3479099956230698"), bulk("Catania"), bulk("3479447370796909")),
                    client.call("ZRANGE", "{s}d", "0", "-1", "WITHSCORES"));
            assertEquals(
                    integer(0),
                    client.call("GEOSEARCHSTORE", "{s}d", "{s}g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "m"));
            assertEquals(integer(0), client.call("EXISTS", "{s}d"));
        }
    }

    @Test
    void otherTypesAnswerWrongType() {
        try (RespClient client = connect(2)) {
            client.call("SET", "{s}str", "x");
            String wrongType = error("WRONGTYPE Operation against a key holding the wrong kind of value");
            assertEquals(wrongType, client.call("GEOADD", "{s}str", "1", "1", "a"));
            assertEquals(wrongType, client.call("GEOPOS", "{s}str", "a"));
            assertEquals(wrongType, client.call("GEOSEARCH", "{s}str", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "m"));
        }
    }
}

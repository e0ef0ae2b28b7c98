package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD and BITFIELD_RO, with values checked against Redis 7.0.15. */
class BitmapCommandsTest {
    private static final String NIL = "$-1\r\n";
    private static CollectionTestNode node;

    @BeforeAll
    static void startNode() {
        node = CollectionTestNode.start();
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    @BeforeEach
    void fill() {
        try (RespClient client = node.connect(2)) {
            client.call("FLUSHALL");
            client.call("SET", "s", "foobar");
            client.call("RPUSH", "l", "x");
        }
    }

    @Test
    void setbitGrowsTheStringAndAnswersTheOldBit() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(0), client.call("SETBIT", "b", "7", "1"));
            assertEquals(integer(1), client.call("SETBIT", "b", "7", "0"));
            assertEquals(integer(0), client.call("SETBIT", "b", "17", "1"));
            assertEquals(bulk("\0\0@"), client.call("GET", "b"));
            assertEquals(integer(1), client.call("GETBIT", "b", "17"));
            assertEquals(integer(0), client.call("GETBIT", "b", "1000"));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "BITCOUNT s|26",
                "BITCOUNT s 1 1|6",
                "BITCOUNT s 1 1 BIT|1",
                "BITCOUNT s 5 30 bit|17",
                "BITCOUNT s -100 -50|4",
                "BITCOUNT s 4 2|0",
                "BITCOUNT none 0 1 foo|0",
                "BITPOS s 1|1",
                "BITPOS s 0|0",
                "BITPOS s 1 2|17",
                "BITPOS s 1 2 -1 BIT|2",
                "BITPOS s 1 7 15 BIT|9",
                "BITPOS s 1 100|-1",
                "BITPOS none 1|-1",
                "BITPOS none 0|0"
            })
    void countsAndPositionsFollowRedisRanges(String command, long expected) {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(expected), client.call(command.split(" ")));
        }
    }

    @Test
    void bitposForAClearBitPastAllOnesDependsOnWhetherAnEndWasGiven() {
        try (RespClient client = node.connect(2)) {
            client.call("SETBIT", "ones", "15", "1");
            client.call("BITOP", "NOT", "ones", "ones");
            client.call("SETBIT", "ones", "15", "1");
            assertEquals(integer(16), client.call("BITPOS", "ones", "0"));
            assertEquals(integer(16), client.call("BITPOS", "ones", "0", "0"));
            assertEquals(integer(-1), client.call("BITPOS", "ones", "0", "0", "-1"));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SETBIT b -1 1|ERR bit offset is not an integer or out of range",
                "SETBIT b 4294967296 1|ERR bit offset is not an integer or out of range",
                "SETBIT b 1 2|ERR bit is not an integer or out of range",
                "GETBIT l 1|WRONGTYPE Operation against a key holding the wrong kind of value",
                "BITCOUNT s 0|ERR syntax error",
                "BITCOUNT s 0 1 foo|ERR syntax error",
                "BITPOS s 2|ERR The bit argument must be 1 or 0.",
                "BITOP NOT d s l|ERR BITOP NOT must be called with a single source key.",
                "BITOP NAND d s|ERR syntax error",
                "BITOP AND d s l|WRONGTYPE Operation against a key holding the wrong kind of value",
                "BITFIELD s GET u64 0|ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not"
                        + " supported but i64 is.",
                "BITFIELD s GET I8 0|ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not"
                        + " supported but i64 is.",
                "BITFIELD s GET u8 #-1|ERR bit offset is not an integer or out of range",
                "BITFIELD s OVERFLOW UP|ERR Invalid OVERFLOW type specified",
                "BITFIELD s GET u8|ERR syntax error",
                "BITFIELD_RO s SET u8 0 1|ERR BITFIELD_RO only supports the GET subcommand",
                "BITFIELD l GET u8 0|WRONGTYPE Operation against a key holding the wrong kind of value"
            })
    void malformedCallsAnswerRedisErrors(String command, String expected) {
        try (RespClient client = node.connect(2)) {
            assertEquals(error(expected), client.call(command.split(" ")));
        }
    }

    @Test
    void bitopCombinesPaddedSourcesAndDeletesOnAnEmptyResult() {
        try (RespClient client = node.connect(2)) {
            client.call("SET", "a", "abc");
            client.call("SET", "b", "xyzw");
            assertEquals(integer(4), client.call("BITOP", "AND", "d", "a", "b"));
            assertEquals(bulk("``b\0"), client.call("GET", "d"));
            assertEquals(integer(3), client.call("BITOP", "xor", "d", "a", "none"));
            assertEquals(bulk("abc"), client.call("GET", "d"));
            client.call("EXPIRE", "d", "100");
            assertEquals(integer(0), client.call("BITOP", "OR", "d", "none", "none2"));
            assertEquals(integer(0), client.call("EXISTS", "d"));
        }
    }

    @Test
    void bitfieldSetsIncrementsAndHandlesOverflow() {
        try (RespClient client = node.connect(2)) {
            assertEquals(
                    array(integer(0), integer(100), integer(-56)),
                    client.call(
                            "BITFIELD", "f", "SET", "i8", "0", "100", "GET", "i8", "0", "INCRBY", "i8", "0", "100"));
            assertEquals(
                    array(integer(44), NIL, integer(12)),
                    client.call(
                            "BITFIELD",
                            "f",
                            "OVERFLOW",
                            "SAT",
                            "INCRBY",
                            "i8",
                            "0",
                            "100",
                            "OVERFLOW",
                            "FAIL",
                            "INCRBY",
                            "i8",
                            "0",
                            "100",
                            "GET",
                            "u4",
                            "#1"));
            assertEquals(
                    array(integer(44), integer(127), integer(255)),
                    client.call(
                            "BITFIELD",
                            "f",
                            "OVERFLOW",
                            "SAT",
                            "SET",
                            "i8",
                            "0",
                            "1000",
                            "SET",
                            "u8",
                            "0",
                            "-5",
                            "GET",
                            "u8",
                            "0"));
            assertEquals(
                    array(integer(9223372036854775807L), integer(9223372036854775802L)),
                    client.call(
                            "BITFIELD",
                            "g",
                            "INCRBY",
                            "u63",
                            "0",
                            "9223372036854775807",
                            "INCRBY",
                            "u63",
                            "0",
                            "-5",
                            "OVERFLOW",
                            "WRAP"));
            assertEquals(array(integer(-1)), client.call("BITFIELD_RO", "f", "GET", "i8", "0"));
            assertEquals(array(), client.call("BITFIELD", "f"));
        }
    }
}

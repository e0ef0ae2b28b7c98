package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** APPEND, STRLEN, GETRANGE and SETRANGE over a loopback socket, with Redis 7.0's replies and size limit. */
class StringRangeCommandsTest {
    private static final String TOO_BIG = error("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");

    private LoopbackNode node;
    private RespClient client;

    @BeforeEach
    void start() {
        node = LoopbackNode.start();
        client = node.client();
        node.onLoop(keyspace -> {
            keyspace.getOrCreateSet(Key.of("set")).add(Bytes.of("member"));
            keyspace.markModified(Key.of("set"));
        });
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void appendCreatesOrExtendsAndKeepsTheTtl() {
        assertEquals(integer(5), client.call("APPEND", "k", "Hello"));
        client.call("EXPIRE", "k", "100");
        assertEquals(integer(11), client.call("APPEND", "k", " World"));
        assertEquals(bulk("Hello World"), client.call("GET", "k"));
        assertEquals(integer(100), client.call("TTL", "k"));
        assertEquals(integer(11), client.call("APPEND", "k", ""));
        assertEquals(WRONGTYPE, client.call("APPEND", "set", "x"));
    }

    @Test
    void strlenCountsBytesAndZeroForMissingKeys() {
        LoopbackNode.callBinary(client, "SET", "k", "h\u00c3\u00a9llo"); // "héllo" in UTF-8
        assertEquals(integer(6), client.call("STRLEN", "k"));
        assertEquals(integer(0), client.call("STRLEN", "missing"));
        assertEquals(WRONGTYPE, client.call("STRLEN", "set"));
    }

    @ParameterizedTest(name = "GETRANGE {0} {1} = \"{2}\"")
    @CsvSource({
        "0, -1, This is a string",
        "0, 3, This",
        "-3, -1, ing",
        "10, 100, string",
        "-100, 3, This",
        "5, 2, ''",
        "-1, -2, ''",
        "100, 200, ''",
        "15, 15, g"
    })
    void getrangeClampsIndexesAsRedis(long start, long end, String expected) {
        client.call("SET", "k", "This is a string");
        assertEquals(bulk(expected), client.call("GETRANGE", "k", Long.toString(start), Long.toString(end)));
    }

    @Test
    void getrangeOfMissingKeyIsEmptyAndBadIndexesAreErrorsFirst() {
        assertEquals(bulk(""), client.call("GETRANGE", "missing", "0", "-1"));
        assertEquals(error("ERR value is not an integer or out of range"), client.call("GETRANGE", "set", "1", "x"));
        assertEquals(WRONGTYPE, client.call("GETRANGE", "set", "0", "1"));
    }

    @Test
    void setrangeOverwritesAndPadsWithZeroBytes() {
        assertEquals(integer(4), client.call("SETRANGE", "k", "2", "ab"));
        assertEquals("$4\r\n\u0000\u0000ab\r\n", client.call("GET", "k"));
        assertEquals(integer(4), client.call("SETRANGE", "k", "0", "XY"));
        assertEquals(bulk("XYab"), client.call("GET", "k"));
        client.call("EXPIRE", "k", "100");
        assertEquals(integer(6), client.call("SETRANGE", "k", "3", "cde"));
        assertEquals(bulk("XYacde"), client.call("GET", "k"));
        assertEquals(integer(100), client.call("TTL", "k"));
    }

    @Test
    void setrangeWithAnEmptyValueChangesNothing() {
        assertEquals(integer(0), client.call("SETRANGE", "missing", "536870911", ""));
        assertEquals(integer(0), client.call("EXISTS", "missing"));
        client.call("SET", "k", "abc");
        assertEquals(integer(3), client.call("SETRANGE", "k", "10", ""));
        assertEquals(bulk("abc"), client.call("GET", "k"));
    }

    @Test
    void setrangeRejectsNegativeOffsetsOversizedResultsAndOtherTypes() {
        assertEquals(error("ERR offset is out of range"), client.call("SETRANGE", "k", "-1", "x"));
        assertEquals(TOO_BIG, client.call("SETRANGE", "k", "536870912", "x"));
        assertEquals(TOO_BIG, client.call("SETRANGE", "k", "9223372036854775807", "x"));
        assertEquals(error("ERR value is not an integer or out of range"), client.call("SETRANGE", "k", "x", "y"));
        assertEquals(WRONGTYPE, client.call("SETRANGE", "set", "0", "x"));
        assertEquals(integer(0), client.call("EXISTS", "k"));
    }

    @Test
    void theSizeLimitFollowsProtoMaxBulkLen() {
        assertEquals(simple("OK"), client.call("CONFIG", "SET", "proto-max-bulk-len", "1mb"));
        assertEquals(TOO_BIG, client.call("SETRANGE", "k", "1048576", "x"));
        assertEquals(integer(1_048_576), client.call("SETRANGE", "k", "1048575", "x"));
        assertEquals(TOO_BIG, client.call("APPEND", "k", "y"));
        assertEquals(integer(1_048_576), client.call("STRLEN", "k"));
    }
}

package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * INCR, INCRBY, DECR, DECRBY and INCRBYFLOAT over a loopback socket. The INCRBYFLOAT expectations are what redis-server
 * 7.0.15 on x86-64 answered for the same commands.
 */
class CounterCommandsTest {
    private static final String NOT_INTEGER = error("ERR value is not an integer or out of range");
    private static final String NOT_FLOAT = error("ERR value is not a valid float");
    private static final String OVERFLOW = error("ERR increment or decrement would overflow");
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");

    private LoopbackNode node;
    private RespClient client;

    @BeforeEach
    void start() {
        node = LoopbackNode.start();
        client = node.client();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void countersStartFromZeroAndStoreDecimalText() {
        assertEquals(integer(1), client.call("INCR", "n"));
        assertEquals(integer(11), client.call("INCRBY", "n", "10"));
        assertEquals(integer(10), client.call("DECR", "n"));
        assertEquals(integer(-5), client.call("DECRBY", "n", "15"));
        assertEquals(integer(-7), client.call("INCRBY", "n", "-2"));
        assertEquals(bulk("-7"), client.call("GET", "n"));
        assertEquals(integer(-1), client.call("DECR", "fresh"));
    }

    @Test
    void countersKeepTheTtl() {
        client.call("SET", "n", "5", "EX", "100");
        client.call("INCR", "n");
        client.call("INCRBYFLOAT", "n", "0.5");
        assertEquals(integer(100), client.call("TTL", "n"));
        assertEquals(bulk("6.5"), client.call("GET", "n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "01", "+1", " 1", "1 ", "1.0", "", "99999999999999999999"})
    void storedValueMustBeAStrictInteger(String stored) {
        client.call("SET", "n", stored);
        assertEquals(NOT_INTEGER, client.call("INCR", "n"));
        assertEquals(bulk(stored), client.call("GET", "n"));
    }

    @Test
    void incrementArgumentMustBeAnInteger() {
        assertEquals(NOT_INTEGER, client.call("INCRBY", "n", "1.5"));
        assertEquals(NOT_INTEGER, client.call("DECRBY", "n", "x"));
        assertEquals(integer(0), client.call("EXISTS", "n"));
    }

    @Test
    void overflowIsRefusedAndLeavesTheValue() {
        client.call("SET", "max", "9223372036854775807");
        assertEquals(OVERFLOW, client.call("INCR", "max"));
        client.call("SET", "min", "-9223372036854775808");
        assertEquals(OVERFLOW, client.call("DECR", "min"));
        assertEquals(OVERFLOW, client.call("INCRBY", "min", "-1"));
        assertEquals(error("ERR decrement would overflow"), client.call("DECRBY", "n", "-9223372036854775808"));
        assertEquals(integer(0), client.call("DECRBY", "max", "9223372036854775807"));
        assertEquals(bulk("-9223372036854775808"), client.call("GET", "min"));
    }

    @Test
    void countersOnOtherTypesAreWrongTypeButBadArgumentsComeFirst() {
        node.onLoop(keyspace -> {
            keyspace.getOrCreateHash(Key.of("h")).put(Bytes.of("f"), Bytes.of("1"));
            keyspace.markModified(Key.of("h"));
        });
        assertEquals(WRONGTYPE, client.call("INCR", "h"));
        assertEquals(NOT_INTEGER, client.call("INCRBY", "h", "x"));
        assertEquals(WRONGTYPE, client.call("INCRBYFLOAT", "h", "x"), "INCRBYFLOAT checks the type first");
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "10.50 | 0.1 | 10.6",
                "10.6 | -5.0e3 | -4989.39999999999999991",
                "5.0e3 | 2.0e2 | 5200",
                "0.1 | 0.2 | 0.3",
                "| 0x1p3 | 8",
                "8 | .5 | 8.5",
                "8.5 | 5. | 13.5",
                "| -0.00000000000000000001 | 0",
                "| 3.0e-4950 | 0",
                "9223372036854775807 | 1 | 9223372036854775808",
                "0.3 | 1.23456789012345678901234 | 1.53456789012345679",
                "1e17 | 0.5 | 100000000000000000.5",
                "| 123456789.123456789 | 123456789.12345678899873747",
                "| 0X1A | 26",
                "| 00012.50 | 12.5",
                "'1\u0000garbage' | 1 | 2"
            })
    void incrbyfloatComputesInExtendedPrecisionAndPrintsLikeRedis(String stored, String increment, String result) {
        if (stored != null) {
            client.call("SET", "f", stored);
        }
        assertEquals(bulk(result), client.call("INCRBYFLOAT", "f", increment));
        assertEquals(bulk(result), client.call("GET", "f"));
        assertEquals(bulk(result), node.resp3Client().call("GET", "f"));
    }

    @Test
    void incrbyfloatPrintsHugeValuesInFull() {
        String reply = client.call("INCRBYFLOAT", "f", "1e400");
        assertEquals(
                "$401\r\n1000000000000000000028188068394758651458645343362905203862591069", reply.substring(0, 70));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", " 1", "1 ", "nan", "1e", "0x", "0x1p", "1e-5000", "1.5e4932", "infinit", "+.e1", ""})
    void malformedFloatsAreRejected(String increment) {
        assertEquals(NOT_FLOAT, client.call("INCRBYFLOAT", "f", increment));
        client.call("SET", "g", increment);
        assertEquals(NOT_FLOAT, client.call("INCRBYFLOAT", "g", "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-INF", "Infinity", "1.1e4932"})
    void infiniteResultsAreRejected(String increment) {
        client.call("SET", "f", "1.1e4932");
        assertEquals(error("ERR increment would produce NaN or Infinity"), client.call("INCRBYFLOAT", "f", increment));
        assertEquals(bulk("1.1e4932"), client.call("GET", "f"));
    }
}

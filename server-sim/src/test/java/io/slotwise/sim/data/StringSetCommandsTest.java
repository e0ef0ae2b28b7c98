package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SET and its options, SETNX, SETEX, PSETEX and GETEX over a loopback socket, with Redis 7.0's replies. */
class StringSetCommandsTest {
    private static final String OK = simple("OK");
    private static final String NIL = "$-1\r\n";
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
    void setStoresAValueThatGetReturns() {
        assertEquals(OK, client.call("SET", "k", "v1"));
        assertEquals(bulk("v1"), client.call("GET", "k"));
        assertEquals(OK, client.call("SET", "k", ""));
        assertEquals(bulk(""), client.call("GET", "k"));
        assertEquals(NIL, client.call("GET", "missing"));
        assertEquals("_\r\n", node.resp3Client().call("GET", "missing"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NX XX",
                "XX NX",
                "EX 10 PX 10",
                "PX 10 EXAT 10",
                "KEEPTTL EX 1",
                "EX 1 KEEPTTL",
                "EX",
                "PERSIST",
                "FOO",
                "EXAT 1 PXAT 1"
            })
    void conflictingUnknownOrIncompleteOptionsAreSyntaxErrors(String options) {
        assertEquals(error("ERR syntax error"), client.call(set("k", "v", options)));
        assertEquals(NIL, client.call("GET", "k"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"EX 0", "EX -1", "PX 0", "EXAT 0", "PXAT -5", "EX 9223372036854776", "PX 9223372036854775807"})
    void nonPositiveOrOverflowingTimesAreInvalidExpireTimes(String options) {
        assertEquals(error("ERR invalid expire time in 'set' command"), client.call(set("k", "v", options)));
    }

    @Test
    void malformedTimeIsNotAnInteger() {
        assertEquals(error("ERR value is not an integer or out of range"), client.call("SET", "k", "v", "EX", "1.5"));
    }

    @Test
    void repeatingAnOptionIsAllowedAndTheLastTimeWins() {
        assertEquals(OK, client.call("SET", "k", "v", "EX", "10", "ex", "20", "NX", "nx"));
        assertEquals(integer(20), client.call("TTL", "k"));
        assertEquals(bulk("v"), client.call("SET", "k", "w", "KEEPTTL", "KEEPTTL", "GET", "GET"));
        assertEquals(integer(20), client.call("TTL", "k"));
    }

    @Test
    void timeOptionsSetTheTtlAndPlainSetRemovesIt() {
        long nowSeconds = node.nowMillis() / 1000;
        assertEquals(OK, client.call("SET", "k", "v", "EX", "100"));
        assertEquals(integer(100), client.call("TTL", "k"));
        assertEquals(OK, client.call("SET", "k", "v", "PX", "1500"));
        assertEquals(integer(1500), client.call("PTTL", "k"));
        assertEquals(OK, client.call("SET", "k", "v", "EXAT", Long.toString(nowSeconds + 50)));
        assertEquals(integer(50), client.call("TTL", "k"));
        assertEquals(OK, client.call("SET", "k", "v", "PXAT", Long.toString(node.nowMillis() + 2500)));
        assertEquals(integer(2500), client.call("PTTL", "k"));
        assertEquals(OK, client.call("SET", "k", "w", "KEEPTTL"));
        assertEquals(integer(2500), client.call("PTTL", "k"));
        assertEquals(OK, client.call("SET", "k", "x"));
        assertEquals(integer(-1), client.call("TTL", "k"));
    }

    @Test
    void anAbsoluteTimeInThePastAnswersOkAndLeavesNoKey() {
        client.call("SET", "k", "old");
        assertEquals(OK, client.call("SET", "k", "v", "PXAT", "1"));
        assertEquals(integer(0), client.call("EXISTS", "k"));
    }

    @Test
    void setExpiresWhenTheClockPassesTheTtl() {
        client.call("SET", "k", "v", "PX", "1000");
        node.advanceClock(1000);
        assertEquals(bulk("v"), client.call("GET", "k"), "a key expires only once the clock is past its time");
        node.advanceClock(1);
        assertEquals(NIL, client.call("GET", "k"));
    }

    @Test
    void nxAndXxDecideWhetherToWriteAndAnswerNullWhenTheyDoNot() {
        assertEquals(NIL, client.call("SET", "k", "v", "XX"));
        assertEquals(OK, client.call("SET", "k", "v1", "NX"));
        assertEquals(NIL, client.call("SET", "k", "v2", "NX"));
        assertEquals(OK, client.call("SET", "k", "v3", "XX"));
        assertEquals(bulk("v3"), client.call("GET", "k"));
        assertEquals("_\r\n", node.resp3Client().call("SET", "k", "v", "NX"));
    }

    @Test
    void getOptionAnswersTheOldValueWhetherOrNotItWrites() {
        assertEquals(NIL, client.call("SET", "k", "v1", "GET"));
        assertEquals(bulk("v1"), client.call("SET", "k", "v2", "GET"));
        assertEquals(bulk("v2"), client.call("SET", "k", "v3", "NX", "GET"), "NX with GET is allowed in 7.0");
        assertEquals(bulk("v2"), client.call("GET", "k"));
        assertEquals(NIL, client.call("SET", "other", "v", "XX", "GET"));
        assertEquals(integer(0), client.call("EXISTS", "other"));
    }

    @Test
    void getOptionOnAnotherTypeIsWrongTypeAndWritesNothingButTheTimeIsCheckedFirst() {
        storeList("list");
        assertEquals(WRONGTYPE, client.call("SET", "list", "v", "GET"));
        assertEquals(simple("list"), client.call("TYPE", "list"));
        assertEquals(
                error("ERR invalid expire time in 'set' command"), client.call("SET", "list", "v", "EX", "0", "GET"));
        assertEquals(OK, client.call("SET", "list", "v"), "plain SET replaces any type");
        assertEquals(simple("string"), client.call("TYPE", "list"));
    }

    @Test
    void setnxWritesOnlyAMissingKey() {
        assertEquals(integer(1), client.call("SETNX", "k", "a"));
        assertEquals(integer(0), client.call("SETNX", "k", "b"));
        assertEquals(bulk("a"), client.call("GET", "k"));
    }

    @Test
    void setexAndPsetexStoreWithATimeToLive() {
        assertEquals(OK, client.call("SETEX", "k", "100", "v"));
        assertEquals(integer(100_000), client.call("PTTL", "k"));
        assertEquals(OK, client.call("PSETEX", "k", "1500", "w"));
        assertEquals(integer(1500), client.call("PTTL", "k"));
        assertEquals(bulk("w"), client.call("GET", "k"));
        assertEquals(error("ERR invalid expire time in 'setex' command"), client.call("SETEX", "k", "0", "v"));
        assertEquals(error("ERR invalid expire time in 'psetex' command"), client.call("PSETEX", "k", "-1", "v"));
        assertEquals(error("ERR value is not an integer or out of range"), client.call("SETEX", "k", "x", "v"));
    }

    @Test
    void getexReadsAndChangesTheTtl() {
        client.call("SET", "k", "v");
        assertEquals(bulk("v"), client.call("GETEX", "k"));
        assertEquals(integer(-1), client.call("TTL", "k"));
        assertEquals(bulk("v"), client.call("GETEX", "k", "EX", "100"));
        assertEquals(integer(100), client.call("TTL", "k"));
        assertEquals(bulk("v"), client.call("GETEX", "k", "PX", "1500"));
        assertEquals(integer(1500), client.call("PTTL", "k"));
        assertEquals(bulk("v"), client.call("GETEX", "k", "PXAT", Long.toString(node.nowMillis() + 700)));
        assertEquals(integer(700), client.call("PTTL", "k"));
        assertEquals(bulk("v"), client.call("GETEX", "k", "PERSIST"));
        assertEquals(integer(-1), client.call("TTL", "k"));
        assertEquals(bulk("v"), client.call("GETEX", "k", "EXAT", "1"), "a past time answers the value, then deletes");
        assertEquals(integer(0), client.call("EXISTS", "k"));
    }

    @Test
    void getexChecksOptionsThenTheKeyThenTheTime() {
        assertEquals(error("ERR syntax error"), client.call("GETEX", "k", "NX"));
        assertEquals(error("ERR syntax error"), client.call("GETEX", "k", "PERSIST", "EX", "1"));
        assertEquals(error("ERR syntax error"), client.call("GETEX", "k", "KEEPTTL"));
        assertEquals(NIL, client.call("GETEX", "missing", "EX", "0"), "a missing key is answered before the time");
        assertEquals("_\r\n", node.resp3Client().call("GETEX", "missing"));
        client.call("SET", "k", "v");
        assertEquals(error("ERR invalid expire time in 'getex' command"), client.call("GETEX", "k", "EX", "0"));
        storeList("list");
        assertEquals(WRONGTYPE, client.call("GETEX", "list", "EX", "0"));
    }

    private void storeList(String name) {
        node.onLoop(keyspace -> {
            keyspace.getOrCreateList(Key.of(name)).pushLast(Bytes.of("element"));
            keyspace.markModified(Key.of(name));
        });
    }

    private static String[] set(String key, String value, String options) {
        List<String> args = new ArrayList<>(List.of("SET", key, value));
        args.addAll(List.of(options.split(" ")));
        return args.toArray(new String[0]);
    }
}

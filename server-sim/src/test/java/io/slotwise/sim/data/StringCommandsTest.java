package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
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

/** GET, GETDEL, GETSET, MGET, MSET and MSETNX over a loopback socket, with Redis 7.0's replies. */
class StringCommandsTest {
    private static final String OK = simple("OK");
    private static final String NIL = "$-1\r\n";
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
    void getOfAnotherTypeIsWrongType() {
        assertEquals(WRONGTYPE, client.call("GET", "set"));
    }

    @Test
    void binaryValuesSurviveUnchanged() {
        String binary = "\u0000\u00ff\r\n\u0080end";
        assertEquals(OK, LoopbackNode.callBinary(client, "SET", "bin", binary));
        assertEquals("$" + binary.length() + "\r\n" + binary + "\r\n", client.call("GET", "bin"));
    }

    @Test
    void getdelAnswersTheValueAndDeletesTheKey() {
        client.call("SET", "k", "v");
        assertEquals(bulk("v"), client.call("GETDEL", "k"));
        assertEquals(NIL, client.call("GETDEL", "k"));
        assertEquals(integer(0), client.call("EXISTS", "k"));
        assertEquals(WRONGTYPE, client.call("GETDEL", "set"));
        assertEquals(integer(1), client.call("EXISTS", "set"));
    }

    @Test
    void getsetAnswersTheOldValueAndRemovesTheTtl() {
        assertEquals(NIL, client.call("GETSET", "k", "v1"));
        client.call("EXPIRE", "k", "100");
        assertEquals(bulk("v1"), client.call("GETSET", "k", "v2"));
        assertEquals(bulk("v2"), client.call("GET", "k"));
        assertEquals(integer(-1), client.call("TTL", "k"));
        assertEquals(WRONGTYPE, client.call("GETSET", "set", "v"));
    }

    @Test
    void mgetAnswersNullForMissingKeysAndKeysOfOtherTypes() {
        client.call("SET", "a", "1");
        client.call("SET", "b", "2");
        assertEquals(array(bulk("1"), NIL, bulk("2"), NIL, bulk("1")), client.call("MGET", "a", "set", "b", "x", "a"));
        assertEquals(array(bulk("1"), "_\r\n"), node.resp3Client().call("MGET", "a", "x"));
    }

    @Test
    void msetWritesEveryPairReplacingTypesAndTtls() {
        client.call("SET", "a", "old", "EX", "100");
        assertEquals(OK, client.call("MSET", "a", "1", "b", "2", "set", "3", "a", "4"));
        assertEquals(array(bulk("4"), bulk("2"), bulk("3")), client.call("MGET", "a", "b", "set"));
        assertEquals(integer(-1), client.call("TTL", "a"));
    }

    @Test
    void msetnxWritesAllOrNothing() {
        client.call("SET", "taken", "x");
        assertEquals(integer(0), client.call("MSETNX", "a", "1", "taken", "2"));
        assertEquals(integer(0), client.call("EXISTS", "a"));
        assertEquals(integer(1), client.call("MSETNX", "a", "1", "b", "2"));
        assertEquals(array(bulk("1"), bulk("2")), client.call("MGET", "a", "b"));
    }

    @Test
    void msetWithoutPairsIsAnArityError() {
        assertEquals(error("ERR wrong number of arguments for 'mset' command"), client.call("MSET", "a", "1", "b"));
        assertEquals(error("ERR wrong number of arguments for 'mset' command"), client.call("MSET", "a"));
        assertEquals(error("ERR wrong number of arguments for 'msetnx' command"), client.call("MSETNX", "a", "1", "b"));
        assertEquals(integer(0), client.call("EXISTS", "a"));
    }
}

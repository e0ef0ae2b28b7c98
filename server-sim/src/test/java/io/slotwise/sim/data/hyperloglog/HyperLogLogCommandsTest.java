package io.slotwise.sim.data.hyperloglog;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PFADD, PFCOUNT, PFMERGE, PFDEBUG and PFSELFTEST over a loopback socket. */
class HyperLogLogCommandsTest {
    private static final String NOT_AN_HLL = error("WRONGTYPE Key is not a valid HyperLogLog string value.");
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
    void flush() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("FLUSHALL");
        }
    }

    @Test
    void pfaddAnswersWhetherTheSketchChangedAndPfcountCachesTheEstimate() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(integer(1), client.call("PFADD", "h"), "creating the key counts as a change");
            assertEquals(integer(1), client.call("PFADD", "h", "a", "b", "c"));
            assertEquals(integer(0), client.call("PFADD", "h", "a", "b"));
            assertEquals(integer(3), client.call("PFCOUNT", "h"));
            assertTrue(client.call("GET", "h").contains("HYLL\u0001\0\0\0\u0003\0\0\0\0\0\0\0"), "cache written");
            assertEquals(integer(0), client.call("PFCOUNT", "missing"));
        }
    }

    @Test
    void pfcountOfSeveralKeysEstimatesTheirUnion() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("PFADD", "{t}a", "1", "2", "3");
            client.call("PFADD", "{t}b", "3", "4");
            assertEquals(integer(4), client.call("PFCOUNT", "{t}a", "{t}b", "{t}missing"));
        }
    }

    @Test
    void pfmergeStoresTheUnionAndKeepsItSparseWhileAllSourcesAre() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("PFADD", "{t}a", "1", "2", "3");
            client.call("PFADD", "{t}b", "3", "4");
            assertEquals(simple("OK"), client.call("PFMERGE", "{t}d", "{t}a", "{t}b"));
            assertEquals(integer(4), client.call("PFCOUNT", "{t}d"));
            assertEquals(simple("sparse"), client.call("PFDEBUG", "ENCODING", "{t}d"));
            assertEquals(integer(1), client.call("PFDEBUG", "TODENSE", "{t}a"));
            assertEquals(simple("OK"), client.call("PFMERGE", "{t}e", "{t}a"));
            assertEquals(simple("dense"), client.call("PFDEBUG", "ENCODING", "{t}e"));
        }
    }

    @Test
    void pfdebugReadsRegistersAndOpcodesWithRedisErrors() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("PFADD", "h", "a", "b", "c");
            assertEquals(bulk("Z:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603"), client.call("PFDEBUG", "DECODE", "h"));
            assertEquals(error("ERR Unknown PFDEBUG subcommand 'foo'"), client.call("PFDEBUG", "foo", "h"));
            assertEquals(error("ERR The specified key does not exist"), client.call("PFDEBUG", "foo", "none"));
            String registers = client.call("PFDEBUG", "GETREG", "h");
            assertTrue(registers.startsWith("*16384\r\n"));
            assertEquals(3, registers.split(":[12]\r\n", -1).length - 1, "three registers set");
            assertEquals(simple("dense"), client.call("PFDEBUG", "ENCODING", "h"), "GETREG converts, as in Redis");
            assertEquals(error("ERR HLL encoding is not sparse"), client.call("PFDEBUG", "DECODE", "h"));
            assertEquals(simple("OK"), client.call("PFSELFTEST"));
        }
    }

    @Test
    void keysThatAreNoHllAnswerWrongType() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("SET", "s", "foo");
            client.call("LPUSH", "l", "x");
            assertEquals(NOT_AN_HLL, client.call("PFADD", "s", "x"));
            assertEquals(NOT_AN_HLL, client.call("PFCOUNT", "s"));
            assertEquals(NOT_AN_HLL, client.call("PFMERGE", "s"));
            assertEquals(
                    error("WRONGTYPE Operation against a key holding the wrong kind of value"),
                    client.call("PFCOUNT", "l"));
            assertEquals(bulk("foo"), client.call("GET", "s"), "a failed PFADD changes nothing");
        }
    }

    @Test
    void corruptedSparseRegistersAnswerInvalidObj() {
        try (RespClient client = RespClient.connect(node.port())) {
            // A sparse HLL whose only opcode covers 16129 registers instead of 16384 (ASCII-only bytes).
            client.call("SET", "{t}bad", "HYLL\u0001\0\0\0\0\0\0\0\0\0\0\0\u007f\0");
            String corrupted = error("INVALIDOBJ Corrupted HLL object detected");
            assertEquals(corrupted, client.call("PFCOUNT", "{t}bad", "{t}other"));
            assertEquals(corrupted, client.call("PFMERGE", "{t}dest", "{t}bad"));
            assertEquals(corrupted, client.call("PFDEBUG", "TODENSE", "{t}bad"));
            assertEquals(integer(0), client.call("EXISTS", "{t}dest"));
        }
    }
}

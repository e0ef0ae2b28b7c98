package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.HashValue;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.keyspace.SortedSetValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OBJECT ENCODING, REFCOUNT, IDLETIME, FREQ and HELP over a loopback socket. */
class ObjectCommandsTest {
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

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "12345, int",
        "-9223372036854775808, int",
        "9223372036854775808, embstr",
        "01, embstr",
        "hello, embstr",
        "12345678901234567890123456789012345678901234, embstr",
        "123456789012345678901234567890123456789012345, raw"
    })
    void stringEncodingFollowsRedisThresholds(String value, String encoding) {
        client.call("SET", "k", value);
        assertEquals(bulk(encoding), client.call("OBJECT", "ENCODING", "k"));
    }

    @Test
    void collectionEncodingsSwitchAtRedisDefaultThresholds() {
        node.onLoop(keyspace -> {
            SetValue ints = keyspace.getOrCreateSet(Key.of("ints"));
            SetValue bigInts = keyspace.getOrCreateSet(Key.of("bigInts"));
            SetValue words = keyspace.getOrCreateSet(Key.of("words"));
            HashValue small = keyspace.getOrCreateHash(Key.of("small"));
            HashValue wide = keyspace.getOrCreateHash(Key.of("wide"));
            SortedSetValue zsmall = keyspace.getOrCreateSortedSet(Key.of("zsmall"));
            SortedSetValue zbig = keyspace.getOrCreateSortedSet(Key.of("zbig"));
            for (int i = 0; i < 512; i++) {
                ints.add(Bytes.of(Integer.toString(i)));
                small.put(Bytes.of("f" + i), Bytes.of("v"));
            }
            for (int i = 0; i < 513; i++) {
                bigInts.add(Bytes.of(Integer.toString(i)));
            }
            words.add(Bytes.of("1"));
            words.add(Bytes.of("a"));
            wide.put(Bytes.of("f"), Bytes.of("x".repeat(65)));
            for (int i = 0; i < 129; i++) {
                zbig.add(Bytes.of("m" + i), i);
            }
            zsmall.add(Bytes.of("m"), 1);
            keyspace.getOrCreateList(Key.of("list")).pushLast(Bytes.of("x"));
            for (String key : new String[] {"ints", "bigInts", "words", "small", "wide", "zsmall", "zbig", "list"}) {
                keyspace.markModified(Key.of(key));
            }
        });
        String[][] expected = {
            {"ints", "intset"}, {"bigInts", "hashtable"}, {"words", "hashtable"}, {"small", "listpack"},
            {"wide", "hashtable"}, {"zsmall", "listpack"}, {"zbig", "skiplist"}, {"list", "quicklist"}
        };
        for (String[] pair : expected) {
            assertEquals(bulk(pair[1]), client.call("OBJECT", "ENCODING", pair[0]), pair[0]);
        }
    }

    @Test
    void smallNonNegativeIntegersAreSharedObjects() {
        client.call("MSET", "shared", "9999", "own", "10000", "negative", "-1", "text", "abc");
        assertEquals(integer(2147483647), client.call("OBJECT", "REFCOUNT", "shared"));
        assertEquals(integer(1), client.call("OBJECT", "REFCOUNT", "own"));
        assertEquals(integer(1), client.call("OBJECT", "REFCOUNT", "negative"));
        assertEquals(integer(1), client.call("OBJECT", "REFCOUNT", "text"));
    }

    @Test
    void missingKeyIsNullForEverySubcommand() {
        RespClient resp3 = node.resp3Client();
        for (String sub : new String[] {"ENCODING", "REFCOUNT", "IDLETIME", "FREQ"}) {
            assertEquals("$-1\r\n", client.call("OBJECT", sub, "missing"), sub);
            assertEquals("_\r\n", resp3.call("OBJECT", sub, "missing"), sub);
        }
    }

    @Test
    void idletimeIsZeroAndFreqNeedsAnLfuPolicy() {
        client.call("SET", "k", "v");
        assertEquals(integer(0), client.call("OBJECT", "IDLETIME", "k"));
        assertEquals(
                error("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that"
                        + " when switching between policies at runtime LRU and LFU data will take some time to"
                        + " adjust."),
                client.call("OBJECT", "FREQ", "k"));
    }

    @Test
    void helpListsTheSubcommands() {
        String help = client.call("OBJECT", "HELP");
        assertTrue(
                help.startsWith("*15\r\n" + simple("OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:")
                        + simple("ENCODING <key>")),
                help);
        assertTrue(help.endsWith(simple("HELP") + simple("    Prints this help.")), help);
    }
}

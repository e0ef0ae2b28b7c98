package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DEL, UNLINK, EXISTS, TOUCH, TYPE, RENAME, RENAMENX, RANDOMKEY and KEYS over a loopback socket. */
class KeyCommandsTest {
    private static final String OK = simple("OK");
    private static final String NO_SUCH_KEY = error("ERR no such key");

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
    void delAndUnlinkCountEachDeletedKeyOnce() {
        client.call("MSET", "a", "1", "b", "2", "c", "3");
        assertEquals(integer(2), client.call("DEL", "a", "a", "b", "missing"));
        assertEquals(integer(1), client.call("UNLINK", "c", "c"));
        assertEquals(integer(0), client.call("DEL", "a"));
    }

    @Test
    void existsCountsRepeatedKeysAndTouchCountsExistingOnes() {
        client.call("SET", "a", "1");
        assertEquals(integer(3), client.call("EXISTS", "a", "a", "missing", "a"));
        assertEquals(integer(2), client.call("TOUCH", "a", "missing", "a"));
        assertEquals(integer(0), client.call("EXISTS", "missing"));
    }

    @Test
    void typeNamesEveryValueType() {
        client.call("SET", "string", "v");
        node.onLoop(keyspace -> {
            keyspace.getOrCreateList(Key.of("list")).pushLast(Bytes.of("x"));
            keyspace.markModified(Key.of("list"));
            keyspace.getOrCreateSet(Key.of("set")).add(Bytes.of("x"));
            keyspace.markModified(Key.of("set"));
            keyspace.getOrCreateSortedSet(Key.of("zset")).add(Bytes.of("x"), 1);
            keyspace.markModified(Key.of("zset"));
            keyspace.getOrCreateHash(Key.of("hash")).put(Bytes.of("f"), Bytes.of("v"));
            keyspace.markModified(Key.of("hash"));
        });
        for (String type : new String[] {"string", "list", "set", "zset", "hash"}) {
            assertEquals(simple(type), client.call("TYPE", type));
        }
        assertEquals(simple("none"), client.call("TYPE", "missing"));
    }

    @Test
    void renameMovesTheValueAndTtlReplacingTheTarget() {
        client.call("SET", "src", "v", "EX", "100");
        client.call("SET", "dst", "old");
        assertEquals(OK, client.call("RENAME", "src", "dst"));
        assertEquals(bulk("v"), client.call("GET", "dst"));
        assertEquals(integer(100), client.call("TTL", "dst"));
        assertEquals(integer(0), client.call("EXISTS", "src"));
    }

    @Test
    void renamenxRenamesOnlyToAMissingName() {
        client.call("SET", "a", "1");
        client.call("SET", "b", "2");
        assertEquals(integer(0), client.call("RENAMENX", "a", "b"));
        assertEquals(integer(1), client.call("RENAMENX", "a", "c"));
        assertEquals(bulk("1"), client.call("GET", "c"));
        assertEquals(bulk("2"), client.call("GET", "b"));
    }

    @Test
    void renamingAMissingKeyIsAnErrorEvenOntoItself() {
        assertEquals(NO_SUCH_KEY, client.call("RENAME", "missing", "x"));
        assertEquals(NO_SUCH_KEY, client.call("RENAME", "missing", "missing"));
        assertEquals(NO_SUCH_KEY, client.call("RENAMENX", "missing", "x"));
        client.call("SET", "a", "1");
        assertEquals(OK, client.call("RENAME", "a", "a"));
        assertEquals(integer(0), client.call("RENAMENX", "a", "a"));
        assertEquals(bulk("1"), client.call("GET", "a"));
    }

    @Test
    void randomkeyAnswersAnExistingKeyOrNull() {
        assertEquals("$-1\r\n", client.call("RANDOMKEY"));
        assertEquals("_\r\n", node.resp3Client().call("RANDOMKEY"));
        client.call("MSET", "a", "1", "b", "2", "c", "3");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(client.call("RANDOMKEY"));
        }
        assertEquals(Set.of(bulk("a"), bulk("b"), bulk("c")), seen);
    }

    @Test
    void keysMatchesGlobPatterns() {
        client.call("MSET", "user:1", "a", "user:2", "b", "order:1", "c");
        assertEquals(array(bulk("order:1")), client.call("KEYS", "o*"));
        String all = client.call("KEYS", "*");
        assertTrue(all.startsWith("*3\r\n"), all);
        String users = client.call("KEYS", "user:[12]");
        assertTrue(
                users.startsWith("*2\r\n") && users.contains(bulk("user:1")) && users.contains(bulk("user:2")), users);
        assertEquals(array(), client.call("KEYS", "nothing*"));
    }

    @Test
    void expiredKeysAreInvisibleToKeyCommands() {
        client.call("SET", "k", "v", "PX", "10");
        node.advanceClock(11);
        assertEquals(integer(0), client.call("EXISTS", "k"));
        assertEquals(simple("none"), client.call("TYPE", "k"));
        assertEquals(NO_SUCH_KEY, client.call("RENAME", "k", "x"));
        assertEquals(array(), client.call("KEYS", "*"));
    }
}

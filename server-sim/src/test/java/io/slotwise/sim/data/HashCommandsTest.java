package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.map;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hash family over a loopback socket, in RESP2 and RESP3 where the replies differ. */
class HashCommandsTest {
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
    private static final String NULL_BULK = "$-1\r\n";

    @RegisterExtension
    static final SharedCollectionNode node = new SharedCollectionNode();

    @Test
    void hsetCountsNewFieldsAndHmsetAnswersOk() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(2), client.call("HSET", "h", "a", "1", "b", "2"));
            assertEquals(integer(1), client.call("HSET", "h", "a", "10", "c", "3"));
            assertEquals(simple("OK"), client.call("HMSET", "h", "d", "4"));
            assertEquals(bulk("10"), client.call("HGET", "h", "a"));
            assertEquals(integer(4), client.call("HLEN", "h"));
            assertEquals(
                    error("ERR wrong number of arguments for 'hset' command"), client.call("HSET", "h", "a", "1", "b"));
            assertEquals(
                    error("ERR wrong number of arguments for 'hmset' command"),
                    client.call("HMSET", "h", "a", "1", "b"));
            assertEquals(error("ERR wrong number of arguments for 'hset' command"), client.call("HSET", "h", "a"));
        }
    }

    @Test
    void hsetnxSetsOnlyMissingFields() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(1), client.call("HSETNX", "h", "f", "first"));
            assertEquals(integer(0), client.call("HSETNX", "h", "f", "second"));
            assertEquals(bulk("first"), client.call("HGET", "h", "f"));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void readsOfMissingFieldsAndKeysAnswerNullsAndZeros(int protocol) {
        String nil = protocol == 2 ? NULL_BULK : "_\r\n";
        try (RespClient client = node.connect(protocol)) {
            client.call("HSET", "h", "a", "1");
            assertEquals(nil, client.call("HGET", "h", "missing"));
            assertEquals(nil, client.call("HGET", "nokey", "a"));
            assertEquals(array(bulk("1"), nil), client.call("HMGET", "h", "a", "missing"));
            assertEquals(array(nil, nil), client.call("HMGET", "nokey", "a", "b"));
            assertEquals(integer(0), client.call("HLEN", "nokey"));
            assertEquals(integer(0), client.call("HSTRLEN", "h", "missing"));
            assertEquals(integer(0), client.call("HEXISTS", "nokey", "a"));
            assertEquals(array(), client.call("HKEYS", "nokey"));
            assertEquals(array(), client.call("HVALS", "nokey"));
            assertEquals(protocol == 2 ? array() : map(), client.call("HGETALL", "nokey"));
        }
    }

    @Test
    void hgetallIsAFlatArrayInResp2AndAMapInResp3() {
        try (RespClient resp2 = node.connect(2);
                RespClient resp3 = node.connect(3)) {
            resp2.call("HSET", "h", "field", "value");
            assertEquals(array(bulk("field"), bulk("value")), resp2.call("HGETALL", "h"));
            assertEquals(map(bulk("field"), bulk("value")), resp3.call("HGETALL", "h"));
        }
    }

    @Test
    void hgetallHkeysAndHvalsAgreeOnTheFieldOrder() {
        try (RespClient client = node.connect(2)) {
            for (int i = 0; i < 20; i++) {
                client.call("HSET", "h", "f" + i, "v" + i);
            }
            List<String> all = CollectionTestNode.bulkStrings(client.call("HGETALL", "h"));
            List<String> keys = CollectionTestNode.bulkStrings(client.call("HKEYS", "h"));
            List<String> values = CollectionTestNode.bulkStrings(client.call("HVALS", "h"));
            assertEquals(40, all.size());
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(keys.get(i), all.get(2 * i));
                assertEquals(values.get(i), all.get(2 * i + 1));
                assertEquals(keys.get(i).replace('f', 'v'), values.get(i));
            }
        }
    }

    @Test
    void hstrlenAndHexistsDescribeOneField() {
        try (RespClient client = node.connect(2)) {
            client.call("HSET", "h", "f", "hello");
            assertEquals(integer(5), client.call("HSTRLEN", "h", "f"));
            assertEquals(integer(1), client.call("HEXISTS", "h", "f"));
            assertEquals(integer(0), client.call("HEXISTS", "h", "g"));
        }
    }

    @Test
    void hdelCountsRemovedFieldsAndDeletesTheEmptiedHash() {
        try (RespClient client = node.connect(2)) {
            client.call("HSET", "h", "a", "1", "b", "2", "c", "3");
            assertEquals(integer(0), client.call("HDEL", "h", "x", "y"));
            assertEquals(integer(2), client.call("HDEL", "h", "a", "c", "f"));
            assertEquals(array(bulk("b"), bulk("2")), client.call("HGETALL", "h"));
            assertEquals(integer(1), client.call("HDEL", "h", "b", "b"));
            assertEquals(integer(0), client.call("DBSIZE"), "the emptied hash is deleted");
            assertEquals(integer(0), client.call("HDEL", "nokey", "a"));
        }
    }

    @Test
    void everyHashCommandAnswersWrongTypeOnAList() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "list", "x");
            for (String[] command : List.of(
                    new String[] {"HSET", "list", "f", "v"},
                    new String[] {"HMSET", "list", "f", "v"},
                    new String[] {"HSETNX", "list", "f", "v"},
                    new String[] {"HGET", "list", "f"},
                    new String[] {"HMGET", "list", "f"},
                    new String[] {"HGETALL", "list"},
                    new String[] {"HKEYS", "list"},
                    new String[] {"HVALS", "list"},
                    new String[] {"HLEN", "list"},
                    new String[] {"HSTRLEN", "list", "f"},
                    new String[] {"HEXISTS", "list", "f"},
                    new String[] {"HDEL", "list", "f"},
                    new String[] {"HINCRBY", "list", "f", "1"},
                    new String[] {"HINCRBYFLOAT", "list", "f", "1"},
                    new String[] {"HSCAN", "list", "0"})) {
                assertEquals(WRONGTYPE, client.call(command), String.join(" ", command));
            }
            assertEquals(array(bulk("x")), client.call("LRANGE", "list", "0", "-1"));
        }
    }
}

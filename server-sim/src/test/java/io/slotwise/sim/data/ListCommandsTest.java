package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The non-blocking list commands over a loopback socket, in RESP2 and RESP3 where the replies differ. */
class ListCommandsTest {
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
    private static final String NOT_POSITIVE = error("ERR value is out of range, must be positive");

    @RegisterExtension
    static final SharedCollectionNode node = new SharedCollectionNode();

    @Test
    void pushesAddAtEitherEndAndAnswerTheLength() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(2), client.call("LPUSH", "l", "a", "b"));
            assertEquals(integer(4), client.call("RPUSH", "l", "c", "d"));
            assertEquals(array(bulk("b"), bulk("a"), bulk("c"), bulk("d")), client.call("LRANGE", "l", "0", "-1"));
            assertEquals(integer(0), client.call("LPUSHX", "missing", "x"));
            assertEquals(integer(0), client.call("RPUSHX", "missing", "x"));
            assertEquals(integer(5), client.call("LPUSHX", "l", "z"));
            assertEquals(integer(6), client.call("RPUSHX", "l", "y"));
            assertEquals(integer(6), client.call("LLEN", "l"));
            assertEquals(integer(0), client.call("LLEN", "missing"));
            assertEquals(integer(1), client.call("DBSIZE"), "PUSHX creates no key");
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void popsWithAndWithoutCountDistinguishNullBulkFromNullArray(int protocol) {
        String nullBulk = protocol == 2 ? "$-1\r\n" : "_\r\n";
        String nullArray = protocol == 2 ? "*-1\r\n" : "_\r\n";
        try (RespClient client = node.connect(protocol)) {
            client.call("RPUSH", "l", "a", "b", "c", "d", "e");
            assertEquals(bulk("a"), client.call("LPOP", "l"));
            assertEquals(bulk("e"), client.call("RPOP", "l"));
            assertEquals(array(bulk("d"), bulk("c")), client.call("RPOP", "l", "2"));
            assertEquals(array(), client.call("LPOP", "l", "0"));
            assertEquals(array(bulk("b")), client.call("LPOP", "l", "10"));
            assertEquals(integer(0), client.call("DBSIZE"), "the emptied list is deleted");
            assertEquals(nullBulk, client.call("LPOP", "l"));
            assertEquals(nullArray, client.call("LPOP", "l", "2"));
            assertEquals(nullArray, client.call("RPOP", "l", "0"));
        }
    }

    @Test
    void popCountMustBeANonNegativeIntegerAndAtMostOne() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "l", "a");
            assertEquals(NOT_POSITIVE, client.call("LPOP", "l", "-1"));
            assertEquals(NOT_POSITIVE, client.call("RPOP", "missing", "x"));
            assertEquals(error("ERR wrong number of arguments for 'lpop' command"), client.call("LPOP", "l", "1", "2"));
            client.call("SADD", "s", "m");
            assertEquals(WRONGTYPE, client.call("LPOP", "s", "0"));
        }
    }

    @Test
    void lrangeAndLindexNormaliseIndexesLikeRedis() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "l", "a", "b", "c");
            assertEquals(array(bulk("b"), bulk("c")), client.call("LRANGE", "l", "-2", "100"));
            assertEquals(array(), client.call("LRANGE", "l", "2", "1"));
            assertEquals(array(), client.call("LRANGE", "missing", "0", "-1"));
            assertEquals(bulk("c"), client.call("LINDEX", "l", "-1"));
            assertEquals("$-1\r\n", client.call("LINDEX", "l", "3"));
            assertEquals("$-1\r\n", client.call("LINDEX", "missing", "0"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("LRANGE", "l", "a", "1"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("LINDEX", "l", "1.0"));
            // The key is looked up before the index is parsed, as in Redis.
            assertEquals("$-1\r\n", client.call("LINDEX", "missing", "abc"));
            client.call("SET", "s", "v");
            assertEquals(
                    error("WRONGTYPE Operation against a key holding the wrong kind of value"),
                    client.call("LINDEX", "s", "abc"));
        }
    }

    @Test
    void lsetReplacesAnElementOrAnswersRedisErrors() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "l", "a", "b");
            assertEquals(simple("OK"), client.call("LSET", "l", "-1", "z"));
            assertEquals(array(bulk("a"), bulk("z")), client.call("LRANGE", "l", "0", "-1"));
            assertEquals(error("ERR index out of range"), client.call("LSET", "l", "2", "x"));
            assertEquals(error("ERR no such key"), client.call("LSET", "missing", "0", "x"));
            // The key is looked up before the index is parsed, as in Redis.
            assertEquals(error("ERR no such key"), client.call("LSET", "missing", "x", "x"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("LSET", "l", "x", "x"));
            client.call("SET", "s", "v");
            assertEquals(
                    error("WRONGTYPE Operation against a key holding the wrong kind of value"),
                    client.call("LSET", "s", "x", "x"));
        }
    }

    @Test
    void lremRemovesFromTheHeadTheTailOrEverywhere() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "l", "x", "a", "x", "b", "x");
            assertEquals(integer(1), client.call("LREM", "l", "-1", "x"));
            assertEquals(array(bulk("x"), bulk("a"), bulk("x"), bulk("b")), client.call("LRANGE", "l", "0", "-1"));
            assertEquals(integer(1), client.call("LREM", "l", "1", "x"));
            assertEquals(integer(0), client.call("LREM", "l", "0", "nothing"));
            assertEquals(integer(1), client.call("LREM", "l", "0", "x"));
            assertEquals(array(bulk("a"), bulk("b")), client.call("LRANGE", "l", "0", "-1"));
            assertEquals(integer(0), client.call("LREM", "missing", "0", "x"));
            assertEquals(integer(1), client.call("LREM", "l", "0", "a"));
            assertEquals(integer(1), client.call("LREM", "l", "0", "b"));
            assertEquals(integer(0), client.call("DBSIZE"));
        }
    }

    @Test
    void ltrimKeepsARangeAndDeletesAListItEmpties() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "l", "a", "b", "c", "d");
            assertEquals(simple("OK"), client.call("LTRIM", "l", "1", "-2"));
            assertEquals(array(bulk("b"), bulk("c")), client.call("LRANGE", "l", "0", "-1"));
            assertEquals(simple("OK"), client.call("LTRIM", "missing", "0", "1"));
            assertEquals(simple("OK"), client.call("LTRIM", "l", "5", "10"));
            assertEquals(integer(0), client.call("DBSIZE"));
        }
    }

    @Test
    void linsertPlacesBeforeOrAfterThePivot() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "l", "a", "c");
            assertEquals(integer(3), client.call("LINSERT", "l", "BEFORE", "c", "b"));
            assertEquals(integer(4), client.call("LINSERT", "l", "after", "c", "d"));
            assertEquals(integer(-1), client.call("LINSERT", "l", "before", "zz", "x"));
            assertEquals(integer(0), client.call("LINSERT", "missing", "before", "a", "x"));
            assertEquals(error("ERR syntax error"), client.call("LINSERT", "l", "middle", "a", "x"));
            assertEquals(array(bulk("a"), bulk("b"), bulk("c"), bulk("d")), client.call("LRANGE", "l", "0", "-1"));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void lposFindsMatchesByRankCountAndMaxlen(int protocol) {
        String nil = protocol == 2 ? "$-1\r\n" : "_\r\n";
        try (RespClient client = node.connect(protocol)) {
            client.call("RPUSH", "l", "a", "b", "c", "1", "2", "3", "c", "c");
            assertEquals(integer(2), client.call("LPOS", "l", "c"));
            assertEquals(integer(6), client.call("LPOS", "l", "c", "RANK", "2"));
            assertEquals(integer(7), client.call("LPOS", "l", "c", "RANK", "-1"));
            assertEquals(array(integer(2), integer(6)), client.call("LPOS", "l", "c", "COUNT", "2"));
            assertEquals(array(integer(2), integer(6), integer(7)), client.call("LPOS", "l", "c", "COUNT", "0"));
            assertEquals(array(integer(7), integer(6)), client.call("LPOS", "l", "c", "RANK", "-1", "COUNT", "2"));
            assertEquals(array(integer(2)), client.call("LPOS", "l", "c", "COUNT", "0", "MAXLEN", "6"));
            assertEquals(nil, client.call("LPOS", "l", "c", "MAXLEN", "2"));
            assertEquals(nil, client.call("LPOS", "l", "zz"));
            assertEquals(array(), client.call("LPOS", "l", "zz", "COUNT", "1"));
            assertEquals(nil, client.call("LPOS", "missing", "a"));
            assertEquals(array(), client.call("LPOS", "missing", "a", "COUNT", "0"));
        }
    }

    @Test
    void lposOptionErrorsComeBeforeTheKeyLookup() {
        try (RespClient client = node.connect(2)) {
            client.call("SADD", "s", "m");
            for (List<String> failure : List.of(
                    List.of(
                            "RANK",
                            "0",
                            "ERR RANK can't be zero: use 1 to start from the first match, 2 from the"
                                    + " second ... or use negative to start from the end of the list"),
                    List.of("RANK", "x", "ERR value is not an integer or out of range"),
                    List.of(
                            "RANK",
                            "-9223372036854775808",
                            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807"),
                    List.of("COUNT", "-1", "ERR COUNT can't be negative"),
                    List.of("COUNT", "x", "ERR COUNT can't be negative"),
                    List.of("MAXLEN", "-1", "ERR MAXLEN can't be negative"),
                    List.of("RANK", "ERR syntax error"),
                    List.of("NOPE", "1", "ERR syntax error"))) {
                String[] command = new String[failure.size() + 2];
                command[0] = "LPOS";
                command[1] = "s";
                command[2] = "m";
                for (int i = 0; i < failure.size() - 1; i++) {
                    command[3 + i] = failure.get(i);
                }
                assertEquals(error(failure.get(failure.size() - 1)), client.call(command), failure.toString());
            }
            assertEquals(WRONGTYPE, client.call("LPOS", "s", "m"));
        }
    }

    @Test
    void lmoveMovesBetweenEndsAndRotatesASingleList() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "src", "a", "b", "c");
            assertEquals(bulk("a"), client.call("LMOVE", "src", "dst", "LEFT", "RIGHT"));
            assertEquals(bulk("c"), client.call("LMOVE", "src", "dst", "right", "left"));
            assertEquals(array(bulk("c"), bulk("a")), client.call("LRANGE", "dst", "0", "-1"));
            assertEquals(bulk("c"), client.call("LMOVE", "dst", "dst", "LEFT", "RIGHT"));
            assertEquals(array(bulk("a"), bulk("c")), client.call("LRANGE", "dst", "0", "-1"));
            assertEquals(bulk("b"), client.call("LMOVE", "src", "src", "LEFT", "LEFT"), "a one-element rotation");
            assertEquals(array(bulk("b")), client.call("LRANGE", "src", "0", "-1"));
            assertEquals("$-1\r\n", client.call("LMOVE", "missing", "dst", "LEFT", "LEFT"));
            assertEquals(error("ERR syntax error"), client.call("LMOVE", "src", "dst", "UP", "LEFT"));
            client.call("SADD", "set", "m");
            assertEquals(WRONGTYPE, client.call("LMOVE", "src", "set", "LEFT", "LEFT"));
            assertEquals(WRONGTYPE, client.call("LMOVE", "set", "dst", "LEFT", "LEFT"));
            assertEquals("$-1\r\n", client.call("LMOVE", "missing", "set", "LEFT", "LEFT"));
            assertEquals(array(bulk("b")), client.call("LRANGE", "src", "0", "-1"), "a rejected move moves nothing");
        }
    }
}

package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ZADD, ZINCRBY and the sorted-set reads and removals over a loopback socket, in RESP2 and RESP3. */
class SortedSetCommandsTest {
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");

    @RegisterExtension
    static final SharedCollectionNode node = new SharedCollectionNode();

    /** A double reply: a bulk string in RESP2, {@code ,} in RESP3. */
    private static String score(int protocol, String text) {
        return protocol == 2 ? bulk(text) : "," + text + "\r\n";
    }

    @Test
    void zaddCountsAddedMembersOrWithChAlsoUpdatedOnes() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(2), client.call("ZADD", "z", "1", "a", "2", "b"));
            assertEquals(integer(1), client.call("ZADD", "z", "10", "a", "3", "c"));
            assertEquals(integer(2), client.call("ZADD", "z", "CH", "11", "a", "3", "c", "4", "d"));
            assertEquals(integer(0), client.call("ZADD", "z", "NX", "99", "a"));
            assertEquals(integer(0), client.call("ZADD", "z", "XX", "98", "new"));
            assertEquals(integer(1), client.call("ZADD", "z", "XX", "CH", "12", "a"));
            assertEquals(integer(1), client.call("ZADD", "z", "GT", "CH", "13", "a", "0", "b"));
            assertEquals(integer(1), client.call("ZADD", "z", "LT", "CH", "14", "a", "1", "b"));
            assertEquals(integer(0), client.call("ZADD", "missing", "XX", "1", "a"));
            assertEquals(integer(1), client.call("DBSIZE"), "XX on a missing key creates nothing");
            assertEquals(
                    array(bulk("b"), bulk("1"), bulk("c"), bulk("3"), bulk("d"), bulk("4"), bulk("a"), bulk("13")),
                    client.call("ZRANGE", "z", "0", "-1", "WITHSCORES"));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void zaddIncrAndZincrbyAnswerTheNewScoreOrNullWhenRejected(int protocol) {
        String nil = protocol == 2 ? "$-1\r\n" : "_\r\n";
        try (RespClient client = node.connect(protocol)) {
            assertEquals(score(protocol, "1.5"), client.call("ZADD", "z", "INCR", "1.5", "a"));
            assertEquals(score(protocol, "4"), client.call("ZINCRBY", "z", "2.5", "a"));
            assertEquals(score(protocol, "3.1400000000000001"), client.call("ZINCRBY", "z", "3.14", "b"));
            assertEquals(nil, client.call("ZADD", "z", "NX", "INCR", "1", "a"));
            assertEquals(nil, client.call("ZADD", "z", "XX", "INCR", "1", "new"));
            assertEquals(nil, client.call("ZADD", "z", "GT", "INCR", "-1", "a"));
            assertEquals(nil, client.call("ZADD", "z", "GT", "INCR", "0", "a"), "GT rejects an equal score");
            assertEquals(score(protocol, "4"), client.call("ZADD", "z", "INCR", "0", "a"), "unchanged is processed");
            assertEquals(nil, client.call("ZADD", "missing", "XX", "INCR", "1", "a"));
            assertEquals(score(protocol, "inf"), client.call("ZINCRBY", "z", "+inf", "a"));
            assertEquals(score(protocol, "-inf"), client.call("ZADD", "z", "INCR", "-inf", "c"));
        }
    }

    @Test
    void zaddRejectsBadOptionsAndScoresBeforeTouchingTheKey() {
        try (RespClient client = node.connect(2)) {
            client.call("ZADD", "z", "inf", "a");
            String syntax = error("ERR syntax error");
            assertEquals(error("ERR wrong number of arguments for 'zadd' command"), client.call("ZADD", "z", "1"));
            assertEquals(syntax, client.call("ZADD", "z", "1", "a", "2"));
            assertEquals(syntax, client.call("ZADD", "z", "NX", "CH"));
            assertEquals(syntax, client.call("ZINCRBY", "z", "nx", "a"), "ZINCRBY parses ZADD's options too");
            assertEquals(
                    error("ERR XX and NX options at the same time are not compatible"),
                    client.call("ZADD", "z", "NX", "XX", "1", "a"));
            for (String[] options :
                    List.of(new String[] {"GT", "LT"}, new String[] {"GT", "NX"}, new String[] {"LT", "NX"})) {
                assertEquals(
                        error("ERR GT, LT, and/or NX options at the same time are not compatible"),
                        client.call("ZADD", "z", options[0], options[1], "1", "a"));
            }
            assertEquals(
                    error("ERR INCR option supports a single increment-element pair"),
                    client.call("ZADD", "z", "INCR", "1", "a", "2", "b"));
            String notAFloat = error("ERR value is not a valid float");
            assertEquals(notAFloat, client.call("ZADD", "z", "1", "b", "x", "c"));
            assertEquals(notAFloat, client.call("ZADD", "z", "nan", "b"));
            assertEquals(notAFloat, client.call("ZINCRBY", "z", "1.0.0", "b"));
            assertEquals(error("ERR resulting score is not a number (NaN)"), client.call("ZINCRBY", "z", "-inf", "a"));
            assertEquals(integer(1), client.call("ZCARD", "z"), "rejected commands added nothing");
            client.call("SADD", "set", "m");
            assertEquals(WRONGTYPE, client.call("ZADD", "set", "1", "a"));
            assertEquals(error("ERR value is not a valid float"), client.call("ZADD", "set", "x", "a"));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void scoresAreDoublesAndMissingOnesAreNull(int protocol) {
        String nil = protocol == 2 ? "$-1\r\n" : "_\r\n";
        try (RespClient client = node.connect(protocol)) {
            client.call("ZADD", "z", "1.5", "a", "-0", "b", "1e20", "c");
            assertEquals(score(protocol, "1.5"), client.call("ZSCORE", "z", "a"));
            // A score of -0 is answered as 0, as a real 7.0 node does (small sorted sets keep scores as text).
            assertEquals(score(protocol, "0"), client.call("ZSCORE", "z", "b"));
            assertEquals(score(protocol, "1e+20"), client.call("ZSCORE", "z", "c"));
            assertEquals(nil, client.call("ZSCORE", "z", "zz"));
            assertEquals(nil, client.call("ZSCORE", "missing", "a"));
            assertEquals(array(score(protocol, "1.5"), nil), client.call("ZMSCORE", "z", "a", "zz"));
            assertEquals(array(nil), client.call("ZMSCORE", "missing", "a"));
        }
    }

    @Test
    void countsAndRanksFollowTheScoreOrder() {
        try (RespClient client = node.connect(2)) {
            client.call("ZADD", "z", "1", "a", "2", "b", "2", "c", "3", "d");
            assertEquals(integer(4), client.call("ZCARD", "z"));
            assertEquals(integer(0), client.call("ZCARD", "missing"));
            assertEquals(integer(3), client.call("ZCOUNT", "z", "(1", "+inf"));
            assertEquals(integer(2), client.call("ZCOUNT", "z", "2", "2"));
            assertEquals(integer(0), client.call("ZCOUNT", "missing", "-inf", "+inf"));
            assertEquals(error("ERR min or max is not a float"), client.call("ZCOUNT", "z", "x", "1"));
            assertEquals(error("ERR min or max is not a float"), client.call("ZCOUNT", "missing", "1", "((2"));
            assertEquals(integer(2), client.call("ZRANK", "z", "c"));
            assertEquals(integer(1), client.call("ZREVRANK", "z", "c"));
            assertEquals("$-1\r\n", client.call("ZRANK", "z", "zz"));
            assertEquals("$-1\r\n", client.call("ZREVRANK", "missing", "a"));
        }
    }

    @Test
    void removalsCountWhatWentAndDeleteAnEmptiedSortedSet() {
        try (RespClient client = node.connect(2)) {
            client.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
            assertEquals(integer(1), client.call("ZREM", "z", "a", "zz"));
            assertEquals(integer(2), client.call("ZREMRANGEBYSCORE", "z", "(2", "4"));
            assertEquals(integer(0), client.call("ZREMRANGEBYSCORE", "missing", "-inf", "+inf"));
            assertEquals(error("ERR min or max is not a float"), client.call("ZREMRANGEBYSCORE", "z", "a", "b"));
            assertEquals(integer(1), client.call("ZREMRANGEBYRANK", "z", "-1", "-1"));
            assertEquals(integer(0), client.call("ZREMRANGEBYRANK", "z", "5", "10"));
            assertEquals(
                    error("ERR value is not an integer or out of range"),
                    client.call("ZREMRANGEBYRANK", "missing", "x", "1"));
            assertEquals(integer(1), client.call("ZREMRANGEBYRANK", "z", "0", "-1"));
            assertEquals(integer(0), client.call("DBSIZE"));
            assertEquals(integer(0), client.call("ZREM", "missing", "a"));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void popsAreFlatWithoutCountAndNestedInResp3WithCount(int protocol) {
        try (RespClient client = node.connect(protocol)) {
            client.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
            assertEquals(array(bulk("a"), score(protocol, "1")), client.call("ZPOPMIN", "z"));
            String popped = client.call("ZPOPMAX", "z", "2");
            String expected = protocol == 2
                    ? array(bulk("d"), score(protocol, "4"), bulk("c"), score(protocol, "3"))
                    : array(array(bulk("d"), score(protocol, "4")), array(bulk("c"), score(protocol, "3")));
            assertEquals(expected, popped);
            assertEquals(array(), client.call("ZPOPMIN", "z", "0"));
            assertEquals(
                    protocol == 2 ? array(bulk("b"), score(2, "2")) : array(array(bulk("b"), score(3, "2"))),
                    client.call("ZPOPMIN", "z", "9"));
            assertEquals(array(), client.call("ZPOPMIN", "z"));
            assertEquals(integer(0), client.call("DBSIZE"));
            assertEquals(error("ERR value is out of range, must be positive"), client.call("ZPOPMIN", "z", "-1"));
            assertEquals(error("ERR syntax error"), client.call("ZPOPMAX", "z", "1", "2"));
        }
    }

    @Test
    void everySortedSetCommandAnswersWrongTypeOnASet() {
        try (RespClient client = node.connect(2)) {
            client.call("SADD", "set", "x");
            for (String[] command : List.of(
                    new String[] {"ZINCRBY", "set", "1", "m"},
                    new String[] {"ZREM", "set", "m"},
                    new String[] {"ZSCORE", "set", "m"},
                    new String[] {"ZMSCORE", "set", "m"},
                    new String[] {"ZCARD", "set"},
                    new String[] {"ZCOUNT", "set", "0", "1"},
                    new String[] {"ZRANGE", "set", "0", "1"},
                    new String[] {"ZRANGEBYSCORE", "set", "0", "1"},
                    new String[] {"ZREVRANGE", "set", "0", "1"},
                    new String[] {"ZREVRANGEBYSCORE", "set", "1", "0"},
                    new String[] {"ZRANK", "set", "m"},
                    new String[] {"ZREVRANK", "set", "m"},
                    new String[] {"ZPOPMIN", "set"},
                    new String[] {"ZPOPMAX", "set", "2"},
                    new String[] {"ZREMRANGEBYSCORE", "set", "0", "1"},
                    new String[] {"ZREMRANGEBYRANK", "set", "0", "1"},
                    new String[] {"ZSCAN", "set", "0"})) {
                assertEquals(WRONGTYPE, client.call(command), String.join(" ", command));
            }
        }
    }
}

package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD over a loopback socket, against Redis 7.0's replies. */
class SortedSetAlgebraCommandsTest {
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
    private static final String SYNTAX = error("ERR syntax error");
    private static CollectionTestNode node;

    @BeforeAll
    static void startNode() {
        node = CollectionTestNode.start();
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    @BeforeEach
    void loadData() {
        try (RespClient client = node.connect(2)) {
            client.call("FLUSHALL");
            client.call("ZADD", "z1", "1", "a", "2", "b", "3", "c");
            client.call("ZADD", "z2", "10", "b", "20", "c", "30", "d");
            client.call("SADD", "s", "a", "d", "x");
            client.call("SET", "str", "v");
        }
    }

    static Stream<Arguments> results() {
        return Stream.of(
                Arguments.of("ZUNION 2 z1 z2 WITHSCORES", "a 1 b 12 c 23 d 30"),
                Arguments.of("ZUNION 2 z1 s WEIGHTS 2 0.5 WITHSCORES", "d 0.5 x 0.5 a 2.5 b 4 c 6"),
                Arguments.of("ZUNION 2 z1 z2 AGGREGATE MAX WITHSCORES", "a 1 b 10 c 20 d 30"),
                Arguments.of("ZUNION 2 z1 z2 aggregate min withscores", "a 1 b 2 c 3 d 30"),
                Arguments.of("ZUNION 2 z1 missing", "a b c"),
                Arguments.of("ZUNION 1 z1 WEIGHTS 1 WEIGHTS 2 WITHSCORES", "a 2 b 4 c 6"),
                Arguments.of("ZUNION 2 z1 z2 WEIGHTS inf 0 WITHSCORES", "d 0 a inf b inf c inf"),
                Arguments.of("ZINTER 2 z1 z2 WITHSCORES", "b 12 c 23"),
                Arguments.of("ZINTER 2 z1 z2 WITHSCORES AGGREGATE MAX", "b 10 c 20"),
                Arguments.of("ZINTER 2 z2 s WITHSCORES", "d 31"),
                Arguments.of("ZINTER 2 z1 missing", ""),
                Arguments.of("ZINTER 1 z1 WEIGHTS -1 WITHSCORES", "c -3 b -2 a -1"),
                Arguments.of("ZDIFF 2 z1 z2 WITHSCORES", "a 1"),
                Arguments.of("ZDIFF 3 s z1 z2", "x"),
                Arguments.of("ZDIFF 2 missing z1", ""),
                Arguments.of("ZDIFF 1 z2", "b c d"));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @MethodSource("results")
    void operationsCombineWeightedScoresLikeRedis(String command, String expected) {
        try (RespClient client = node.connect(2)) {
            assertEquals(flat(expected), CollectionTestNode.bulkStrings(client.call(command.split(" "))));
        }
    }

    @Test
    void infiniteScoresThatCancelSumToZeroAndNegativeZeroIsKeptInReplies() {
        try (RespClient client = node.connect(2)) {
            client.call("ZADD", "up", "inf", "m", "0", "zero");
            client.call("ZADD", "down", "-inf", "m");
            assertEquals(array(bulk("m"), bulk("0")), client.call("ZINTER", "2", "up", "down", "WITHSCORES"));
            assertEquals(
                    array(bulk("m"), bulk("-inf")),
                    client.call("ZINTER", "2", "up", "down", "AGGREGATE", "MIN", "WITHSCORES"));
            assertEquals(
                    array(bulk("m"), bulk("-inf"), bulk("zero"), bulk("-0")),
                    client.call("ZUNION", "1", "up", "WEIGHTS", "-1", "WITHSCORES"));
            assertEquals(integer(2), client.call("ZUNIONSTORE", "dst", "1", "up", "WEIGHTS", "-1"));
            assertEquals(bulk("0"), client.call("ZSCORE", "dst", "zero"), "a stored -0 reads back as 0");
            assertEquals(
                    array(bulk("m"), bulk("-inf"), bulk("zero"), bulk("0")),
                    client.call("ZUNION", "2", "up", "down", "WEIGHTS", "0", "1", "WITHSCORES"),
                    "0 × inf counts as 0");
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void withScoresIsFlatInResp2AndPairsInResp3(int protocol) {
        try (RespClient client = node.connect(protocol)) {
            String expected = protocol == 2
                    ? array(bulk("b"), bulk("12"), bulk("c"), bulk("23"))
                    : array(array(bulk("b"), ",12\r\n"), array(bulk("c"), ",23\r\n"));
            assertEquals(expected, client.call("ZINTER", "2", "z1", "z2", "WITHSCORES"));
        }
    }

    @Test
    void storeFormsReplaceTheDestinationAndDeleteItForAnEmptyResult() {
        try (RespClient client = node.connect(2)) {
            client.call("SET", "dst", "old", "EX", "100");
            assertEquals(integer(4), client.call("ZUNIONSTORE", "dst", "2", "z1", "z2"));
            assertEquals(integer(-1), client.call("TTL", "dst"));
            assertEquals(
                    array(bulk("a"), bulk("1"), bulk("b"), bulk("12"), bulk("c"), bulk("23"), bulk("d"), bulk("30")),
                    client.call("ZRANGE", "dst", "0", "-1", "WITHSCORES"));
            assertEquals(integer(2), client.call("ZINTERSTORE", "dst", "2", "z1", "z2", "AGGREGATE", "MIN"));
            assertEquals(
                    array(bulk("b"), bulk("2"), bulk("c"), bulk("3")),
                    client.call("ZRANGE", "dst", "0", "-1", "WITHSCORES"));
            assertEquals(integer(1), client.call("ZDIFFSTORE", "dst", "2", "z1", "z2"));
            assertEquals(
                    integer(2), client.call("ZINTERSTORE", "z1", "2", "z1", "z2"), "the destination may be an input");
            assertEquals(integer(0), client.call("ZDIFFSTORE", "dst", "2", "z1", "z1"));
            assertEquals(integer(0), client.call("EXISTS", "dst"));
            assertEquals(integer(0), client.call("ZUNIONSTORE", "dst", "1", "missing"));
        }
    }

    @Test
    void zintercardCountsUpToTheLimit() {
        try (RespClient client = node.connect(3)) {
            assertEquals(integer(2), client.call("ZINTERCARD", "2", "z1", "z2"));
            assertEquals(integer(1), client.call("ZINTERCARD", "2", "z1", "z2", "LIMIT", "1"));
            assertEquals(integer(2), client.call("ZINTERCARD", "2", "z1", "z2", "LIMIT", "0"));
            assertEquals(integer(1), client.call("ZINTERCARD", "2", "s", "z2"));
            assertEquals(integer(0), client.call("ZINTERCARD", "2", "s", "missing"));
        }
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("ZUNIONSTORE d 0 z1", "ERR at least 1 input key is needed for 'zunionstore' command"),
                Arguments.of("ZINTER -1 z1", "ERR at least 1 input key is needed for 'zinter' command"),
                Arguments.of("ZINTERCARD 0 z1", "ERR at least 1 input key is needed for 'zintercard' command"),
                Arguments.of("ZUNION abc z1", "ERR value is not an integer or out of range"),
                Arguments.of("ZUNION 3 z1 z2", "ERR syntax error"),
                Arguments.of("ZINTERCARD 2 z1", "ERR syntax error"),
                Arguments.of(
                        "ZUNION 2 z1 str WEIGHTS x",
                        "WRONGTYPE Operation against a key holding the wrong kind of value"),
                Arguments.of("ZUNION 2 z1 z2 WEIGHTS 1", "ERR syntax error"),
                Arguments.of("ZUNION 2 z1 z2 WEIGHTS 1 x", "ERR weight value is not a float"),
                Arguments.of("ZUNION 2 z1 z2 WEIGHTS 1 nan", "ERR weight value is not a float"),
                Arguments.of("ZUNION 2 z1 z2 AGGREGATE avg", "ERR syntax error"),
                Arguments.of("ZUNION 2 z1 z2 AGGREGATE", "ERR syntax error"),
                Arguments.of("ZDIFF 2 z1 z2 WEIGHTS 1 1", "ERR syntax error"),
                Arguments.of("ZDIFF 2 z1 z2 AGGREGATE SUM", "ERR syntax error"),
                Arguments.of("ZUNIONSTORE d 2 z1 z2 WITHSCORES", "ERR syntax error"),
                Arguments.of("ZDIFFSTORE d 1 z1 WITHSCORES", "ERR syntax error"),
                Arguments.of("ZINTERCARD 2 z1 z2 WITHSCORES", "ERR syntax error"),
                Arguments.of("ZINTERCARD 2 z1 z2 LIMIT", "ERR syntax error"),
                Arguments.of("ZINTERCARD 2 z1 z2 LIMIT -1", "ERR LIMIT can't be negative"),
                Arguments.of("ZINTERCARD 2 z1 z2 LIMIT x", "ERR LIMIT can't be negative"),
                Arguments.of("ZUNION 1 z1 LIMIT 1", "ERR syntax error"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("errors")
    void argumentErrorsComeInRedisOrder(String command, String message) {
        try (RespClient client = node.connect(2)) {
            assertEquals(error(message), client.call(command.split(" ")));
        }
    }

    @Test
    void aFailedStoreLeavesTheDestinationAlone() {
        try (RespClient client = node.connect(2)) {
            assertEquals(WRONGTYPE, client.call("ZUNIONSTORE", "z2", "2", "z1", "str"));
            assertEquals(SYNTAX, client.call("ZINTERSTORE", "z2", "1", "z1", "AGGREGATE", "no"));
            assertEquals(integer(3), client.call("ZCARD", "z2"));
        }
    }

    private static List<String> flat(String words) {
        return words.isEmpty() ? List.of() : List.of(words.split(" "));
    }
}

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

/**
 * The lexicographic sorted-set commands (ZLEXCOUNT, ZRANGEBYLEX, ZREVRANGEBYLEX, ZREMRANGEBYLEX) and ZRANGESTORE over a
 * loopback socket, against Redis 7.0's replies.
 */
class SortedSetLexCommandsTest {
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
    private static final String BAD_LEX = error("ERR min or max not valid string range item");
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
            client.call("ZADD", "lex", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e");
            client.call("ZADD", "z", "1", "a", "2", "b", "3", "c");
            client.call("SET", "str", "v");
        }
    }

    static Stream<Arguments> lexRanges() {
        return Stream.of(
                Arguments.of("ZRANGEBYLEX lex - +", "a b c d e"),
                Arguments.of("ZRANGEBYLEX lex [b (d", "b c"),
                Arguments.of("ZRANGEBYLEX lex - + LIMIT 1 2", "b c"),
                Arguments.of("ZRANGEBYLEX lex - + LIMIT -1 2", ""),
                Arguments.of("ZRANGEBYLEX lex - + LIMIT 1 -1", "b c d e"),
                Arguments.of("ZRANGEBYLEX missing - +", ""),
                Arguments.of("ZREVRANGEBYLEX lex + - LIMIT 0 2", "e d"),
                Arguments.of("ZREVRANGEBYLEX lex (d [a", "c b a"),
                Arguments.of("ZREVRANGEBYLEX lex - +", ""));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @MethodSource("lexRanges")
    void lexRangesSelectLikeRedis(String command, String members) {
        try (RespClient client = node.connect(2)) {
            assertEquals(
                    members.isEmpty() ? List.of() : List.of(members.split(" ")),
                    CollectionTestNode.bulkStrings(client.call(command.split(" "))));
        }
    }

    @Test
    void lexCommandsCheckTheRangeBeforeTheKey() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(5), client.call("ZLEXCOUNT", "lex", "-", "+"));
            assertEquals(integer(2), client.call("ZLEXCOUNT", "lex", "[b", "(d"));
            assertEquals(integer(0), client.call("ZLEXCOUNT", "missing", "-", "+"));
            assertEquals(BAD_LEX, client.call("ZLEXCOUNT", "missing", "b", "d"));
            assertEquals(BAD_LEX, client.call("ZRANGEBYLEX", "str", "a", "+"));
            assertEquals(BAD_LEX, client.call("ZREMRANGEBYLEX", "missing", "x", "y"));
            assertEquals(WRONGTYPE, client.call("ZLEXCOUNT", "str", "-", "+"));
            assertEquals(WRONGTYPE, client.call("ZRANGEBYLEX", "str", "-", "+"));
            assertEquals(WRONGTYPE, client.call("ZREMRANGEBYLEX", "str", "-", "+"));
            assertEquals(
                    error("ERR syntax error, WITHSCORES not supported in combination with BYLEX"),
                    client.call("ZRANGEBYLEX", "lex", "-", "+", "WITHSCORES"));
            assertEquals(error("ERR syntax error"), client.call("ZRANGEBYLEX", "lex", "-", "+", "REV"));
            assertEquals(error("ERR syntax error"), client.call("ZRANGEBYLEX", "lex", "-", "+", "LIMIT", "1"));
        }
    }

    @Test
    void zremrangebylexRemovesTheRangeAndTheEmptiedKey() {
        try (RespClient client = node.connect(2)) {
            assertEquals(integer(2), client.call("ZREMRANGEBYLEX", "lex", "[d", "+"));
            assertEquals(integer(0), client.call("ZREMRANGEBYLEX", "missing", "-", "+"));
            assertEquals(array(bulk("a"), bulk("b"), bulk("c")), client.call("ZRANGE", "lex", "0", "-1"));
            assertEquals(integer(3), client.call("ZREMRANGEBYLEX", "lex", "-", "+"));
            assertEquals(integer(0), client.call("EXISTS", "lex"));
        }
    }

    @Test
    void zrangestoreStoresEveryRangeFormAndDeletesTheDestinationForAnEmptyRange() {
        try (RespClient client = node.connect(3)) {
            assertEquals(integer(5), client.call("ZRANGESTORE", "dst", "lex", "0", "-1"));
            assertEquals(
                    integer(2), client.call("ZRANGESTORE", "dst", "lex", "+", "-", "BYLEX", "REV", "LIMIT", "0", "2"));
            assertEquals(array(bulk("d"), bulk("e")), client.call("ZRANGE", "dst", "0", "-1"));
            assertEquals(
                    integer(1), client.call("ZRANGESTORE", "dst", "z", "(1", "+inf", "BYSCORE", "LIMIT", "1", "1"));
            assertEquals(array(array(bulk("c"), ",3\r\n")), client.call("ZRANGE", "dst", "0", "-1", "WITHSCORES"));
            assertEquals(integer(1), client.call("ZRANGESTORE", "str", "z", "0", "0"), "any type is replaced");
            assertEquals("+zset\r\n", client.call("TYPE", "str"));
            assertEquals(integer(0), client.call("ZRANGESTORE", "dst", "missing", "0", "-1"));
            assertEquals(integer(0), client.call("EXISTS", "dst"));
            assertEquals(integer(2), client.call("ZRANGESTORE", "z", "z", "0", "1", "REV"), "source and destination");
            assertEquals(array(bulk("b"), bulk("c")), client.call("ZRANGE", "z", "0", "-1"));
        }
    }

    @Test
    void zrangestoreRejectsWithScoresAndChecksTheSourceType() {
        try (RespClient client = node.connect(2)) {
            client.call("ZADD", "dst", "1", "kept");
            assertEquals(error("ERR syntax error"), client.call("ZRANGESTORE", "dst", "lex", "0", "-1", "WITHSCORES"));
            assertEquals(
                    error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX"),
                    client.call("ZRANGESTORE", "dst", "lex", "0", "-1", "LIMIT", "0", "1"));
            assertEquals(WRONGTYPE, client.call("ZRANGESTORE", "dst", "str", "0", "-1"));
            assertEquals(integer(1), client.call("ZCARD", "dst"));
        }
    }
}

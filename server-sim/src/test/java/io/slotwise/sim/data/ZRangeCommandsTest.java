package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ZRANGE family over a loopback socket: every form, option checks and WITHSCORES in RESP2 and RESP3. */
class ZRangeCommandsTest {
    private static CollectionTestNode node;

    @BeforeAll
    static void startNode() {
        node = CollectionTestNode.start();
        try (RespClient client = node.connect(2)) {
            client.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
            client.call("ZADD", "lex", "0", "a", "0", "b", "0", "c", "0", "d");
            client.call("SADD", "set", "m");
        }
    }

    @AfterAll
    static void closeNode() {
        node.close();
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("ZRANGE z 0 -1", "a b c d e"),
                Arguments.of("ZRANGE z -2 100", "d e"),
                Arguments.of("ZRANGE z 3 1", ""),
                Arguments.of("ZRANGE z 0 1 REV", "e d"),
                Arguments.of("ZREVRANGE z 0 1", "e d"),
                Arguments.of("ZRANGE z (1 3 BYSCORE", "b c"),
                Arguments.of("ZRANGE z -inf +inf BYSCORE LIMIT 1 2", "b c"),
                Arguments.of("ZRANGE z -inf +inf BYSCORE LIMIT 3 -1", "d e"),
                Arguments.of("ZRANGE z -inf +inf BYSCORE LIMIT -1 2", ""),
                Arguments.of("ZRANGE z -inf +inf BYSCORE LIMIT 5 1", ""),
                Arguments.of("ZRANGE z 4 (2 BYSCORE REV", "d c"),
                Arguments.of("ZRANGE z +inf -inf byscore rev limit 0 2", "e d"),
                Arguments.of("ZRANGEBYSCORE z 2 4", "b c d"),
                Arguments.of("ZRANGEBYSCORE z -inf +inf LIMIT 4 10", "e"),
                Arguments.of("ZREVRANGEBYSCORE z 4 2", "d c b"),
                Arguments.of("ZREVRANGEBYSCORE z +inf (4", "e"),
                Arguments.of("ZRANGE lex [b (d BYLEX", "b c"),
                Arguments.of("ZRANGE lex - + BYLEX LIMIT 1 1", "b"),
                Arguments.of("ZRANGE lex + [c BYLEX REV", "d c"),
                Arguments.of("ZRANGE z 0 -1 LIMIT 0 -1", "a b c d e"),
                Arguments.of("ZRANGE missing 0 -1", ""),
                Arguments.of("ZRANGE missing 0 -1 BYSCORE", ""));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @MethodSource("ranges")
    void rangesSelectLikeRedis(String command, String members) {
        try (RespClient client = node.connect(2)) {
            String reply = client.call(command.split(" "));
            assertEquals(
                    members.isEmpty() ? List.of() : List.of(members.split(" ")), CollectionTestNode.bulkStrings(reply));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void withScoresIsFlatInResp2AndPairsInResp3(int protocol) {
        try (RespClient client = node.connect(protocol)) {
            String expected = protocol == 2
                    ? array(bulk("a"), bulk("1"), bulk("b"), bulk("2"))
                    : array(array(bulk("a"), ",1\r\n"), array(bulk("b"), ",2\r\n"));
            assertEquals(expected, client.call("ZRANGE", "z", "0", "1", "WITHSCORES"));
            assertEquals(expected, client.call("ZRANGEBYSCORE", "z", "-inf", "2", "WITHSCORES"));
            assertEquals(expected, client.call("ZRANGE", "z", "(0", "2.5", "BYSCORE", "WITHSCORES"));
            String reversed = protocol == 2 ? array(bulk("e"), bulk("5")) : array(array(bulk("e"), ",5\r\n"));
            assertEquals(reversed, client.call("ZREVRANGE", "z", "0", "0", "WITHSCORES"));
            assertEquals(reversed, client.call("ZREVRANGEBYSCORE", "z", "+inf", "5", "WITHSCORES"));
            assertEquals(array(), client.call("ZRANGE", "missing", "0", "-1", "WITHSCORES"));
        }
    }

    @Test
    void optionsAreCheckedBeforeTheRangeAndTheKey() {
        try (RespClient client = node.connect(2)) {
            String syntax = error("ERR syntax error");
            assertEquals(syntax, client.call("ZRANGE", "z", "0", "1", "BYSCORE", "BYLEX"));
            assertEquals(syntax, client.call("ZRANGE", "z", "0", "1", "REV", "REV"));
            assertEquals(syntax, client.call("ZRANGE", "z", "0", "1", "LIMIT", "1"));
            assertEquals(syntax, client.call("ZRANGEBYSCORE", "z", "0", "1", "BYSCORE"));
            assertEquals(syntax, client.call("ZREVRANGE", "z", "0", "1", "REV"));
            assertEquals(syntax, client.call("ZRANGE", "z", "0", "1", "FOO"));
            assertEquals(
                    error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX"),
                    client.call("ZRANGE", "z", "x", "y", "LIMIT", "0", "1"));
            assertEquals(
                    error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX"),
                    client.call("ZREVRANGE", "set", "0", "1", "LIMIT", "0", "1"));
            assertEquals(
                    error("ERR syntax error, WITHSCORES not supported in combination with BYLEX"),
                    client.call("ZRANGE", "z", "x", "y", "BYLEX", "WITHSCORES"));
            assertEquals(
                    error("ERR value is not an integer or out of range"),
                    client.call("ZRANGE", "z", "0", "1", "BYSCORE", "LIMIT", "x", "1"));
            assertEquals(error("ERR value is not an integer or out of range"), client.call("ZRANGE", "set", "a", "1"));
            assertEquals(error("ERR min or max is not a float"), client.call("ZRANGEBYSCORE", "set", "a", "1"));
            assertEquals(
                    error("ERR min or max not valid string range item"),
                    client.call("ZRANGE", "set", "a", "+", "BYLEX"));
            assertEquals(
                    error("WRONGTYPE Operation against a key holding the wrong kind of value"),
                    client.call("ZRANGE", "set", "[a", "+", "BYLEX"));
        }
    }
}

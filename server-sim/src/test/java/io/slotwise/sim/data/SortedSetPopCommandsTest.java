package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ZMPOP, BZMPOP, BZPOPMIN and BZPOPMAX over loopback sockets: reply shapes in RESP2 and RESP3, argument errors, serving
 * blocked clients, timeouts and transactions.
 */
class SortedSetPopCommandsTest {
    private static final String WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
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
    void flush() {
        try (RespClient client = node.connect(2)) {
            client.call("FLUSHALL");
        }
    }

    @AfterEach
    void noClientIsLeftBlocked() {
        node.awaitBlockedClients(0);
        assertEquals(0, node.blockedKeys());
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void zmpopPopsFromTheFirstExistingKeyWithNestedPairs(int protocol) {
        try (RespClient client = node.connect(protocol)) {
            client.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
            client.call("SET", "str", "v");
            String a = protocol == 2 ? bulk("1") : ",1\r\n";
            String d = protocol == 2 ? bulk("4") : ",4\r\n";
            String c = protocol == 2 ? bulk("3") : ",3\r\n";
            assertEquals(
                    array(bulk("z"), array(array(bulk("a"), a))), client.call("ZMPOP", "2", "missing", "z", "MIN"));
            assertEquals(
                    array(bulk("z"), array(array(bulk("d"), d), array(bulk("c"), c))),
                    client.call("ZMPOP", "2", "z", "str", "max", "COUNT", "2"),
                    "keys after the popped one are not looked at");
            assertEquals(WRONGTYPE, client.call("ZMPOP", "2", "missing", "str", "MIN"));
            client.call("ZMPOP", "1", "z", "MIN", "COUNT", "10");
            assertEquals(integer(0), client.call("EXISTS", "z"));
            assertEquals(protocol == 2 ? "*-1\r\n" : "_\r\n", client.call("ZMPOP", "1", "z", "MIN"));
        }
    }

    static Stream<Arguments> argumentErrors() {
        return Stream.of(
                Arguments.of("ZMPOP 0 z MIN", "ERR numkeys should be greater than 0"),
                Arguments.of("ZMPOP x z MIN", "ERR numkeys should be greater than 0"),
                Arguments.of("ZMPOP 2 z MIN", "ERR syntax error"),
                Arguments.of("ZMPOP 9223372036854775807 z MIN", "ERR syntax error"),
                Arguments.of("ZMPOP 1 z FOO", "ERR syntax error"),
                Arguments.of("ZMPOP 1 z MIN COUNT", "ERR syntax error"),
                Arguments.of("ZMPOP 1 z MIN COUNT 0", "ERR count should be greater than 0"),
                Arguments.of("ZMPOP 1 z MIN COUNT x", "ERR count should be greater than 0"),
                Arguments.of("ZMPOP 1 z MIN COUNT 1 COUNT 1", "ERR syntax error"),
                Arguments.of("BZMPOP x 0 z MIN", "ERR numkeys should be greater than 0"),
                Arguments.of("BZMPOP x 1 z FOO", "ERR syntax error"),
                Arguments.of("BZMPOP x 1 z MIN COUNT -1", "ERR count should be greater than 0"),
                Arguments.of("BZMPOP x 1 z MIN", "ERR timeout is not a float or out of range"),
                Arguments.of("BZMPOP -1 1 z MIN", "ERR timeout is negative"),
                Arguments.of("BZPOPMIN z x", "ERR timeout is not a float or out of range"),
                Arguments.of("BZPOPMAX z -1", "ERR timeout is negative"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("argumentErrors")
    void argumentErrorsComeInRedisOrder(String command, String message) {
        try (RespClient client = node.connect(2)) {
            assertEquals(error(message), client.call(command.split(" ")));
        }
    }

    @Test
    void blockingPopsAnswerAtOnceFromTheFirstNonEmptyKey() {
        try (RespClient client = node.connect(3)) {
            client.call("ZADD", "z", "1", "a", "2", "b", "3", "c");
            client.call("SET", "str", "v");
            assertEquals(array(bulk("z"), bulk("a"), ",1\r\n"), client.call("BZPOPMIN", "missing", "z", "0"));
            assertEquals(array(bulk("z"), bulk("c"), ",3\r\n"), client.call("BZPOPMAX", "z", "str", "0"));
            assertEquals(
                    array(bulk("z"), array(array(bulk("b"), ",2\r\n"))),
                    client.call("BZMPOP", "0", "2", "missing", "z", "MAX", "COUNT", "5"));
            assertEquals(WRONGTYPE, client.call("BZPOPMIN", "missing", "str", "0"));
            assertEquals(WRONGTYPE, client.call("BZMPOP", "0", "2", "str", "z", "MIN"));
        }
    }

    @Test
    void aLaterZaddServesBlockedClientsInTheOrderTheyBlocked() {
        try (RespClient first = node.connect(2);
                RespClient second = node.connect(3);
                RespClient writer = node.connect(2)) {
            first.send("BZPOPMIN", "q", "other", "0");
            node.awaitBlockedClients(1);
            second.send("BZMPOP", "0", "1", "q", "MAX", "COUNT", "2");
            node.awaitBlockedClients(2);
            assertEquals(integer(3), writer.call("ZADD", "q", "1", "a", "2", "b", "3", "c"), "ZADD answers first");
            assertEquals(array(bulk("q"), bulk("a"), bulk("1")), first.read());
            assertEquals(
                    array(bulk("q"), array(array(bulk("c"), ",3\r\n"), array(bulk("b"), ",2\r\n"))), second.read());
            assertEquals(integer(0), writer.call("EXISTS", "q"));
        }
    }

    @Test
    void aStoredResultServesABlockedClientAndOtherTypesDoNot() {
        try (RespClient waiter = node.connect(2);
                RespClient writer = node.connect(2)) {
            waiter.send("BZPOPMAX", "dst", "0");
            node.awaitBlockedClients(1);
            writer.call("RPUSH", "dst", "x");
            writer.call("DEL", "dst");
            assertEquals(1, node.blockedClients(), "a list does not serve a sorted-set pop");
            writer.call("ZADD", "src", "7", "m");
            assertEquals(integer(1), writer.call("ZUNIONSTORE", "dst", "1", "src"));
            assertEquals(array(bulk("dst"), bulk("m"), bulk("7")), waiter.read());
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void aTimeoutAnswersTheNullArray(int protocol) {
        String nullArray = protocol == 2 ? "*-1\r\n" : "_\r\n";
        try (RespClient client = node.connect(protocol)) {
            assertEquals(nullArray, client.call("BZPOPMIN", "nothing", "0.02"));
            assertEquals(nullArray, client.call("BZPOPMAX", "nothing", "else", "0.02"));
            assertEquals(nullArray, client.call("BZMPOP", "0.02", "1", "nothing", "MIN"));
        }
    }

    @Test
    void blockingPopsInsideMultiAnswerAtOnce() {
        try (RespClient client = node.connect(2)) {
            assertEquals(simple("OK"), client.call("MULTI"));
            client.call("BZPOPMIN", "q", "0");
            client.call("BZMPOP", "0", "1", "q", "MIN");
            client.call("ZADD", "q", "1", "a");
            client.call("BZPOPMAX", "q", "0");
            assertEquals(
                    array("*-1\r\n", "*-1\r\n", integer(1), array(bulk("q"), bulk("a"), bulk("1"))),
                    client.call("EXEC"));
        }
    }
}

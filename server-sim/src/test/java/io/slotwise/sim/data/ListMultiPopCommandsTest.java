package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.RespClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LMPOP, BLMPOP, RPOPLPUSH and BRPOPLPUSH: replies, argument errors, blocking, timeouts and transactions. */
class ListMultiPopCommandsTest {
    private static final String NULL_ARRAY = "*-1\r\n";
    private static final String NULL_BULK = "$-1\r\n";
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
    }

    @Test
    void lmpopPopsFromTheFirstNonEmptyListAndAnswersKeyAndElements() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "b", "1", "2", "3");
            assertEquals(array(bulk("b"), array(bulk("1"))), client.call("LMPOP", "2", "a", "b", "LEFT"));
            assertEquals(
                    array(bulk("b"), array(bulk("3"), bulk("2"))),
                    client.call("LMPOP", "2", "a", "b", "RIGHT", "COUNT", "10"));
            assertEquals(integer(0), client.call("EXISTS", "b"));
            assertEquals(NULL_ARRAY, client.call("LMPOP", "2", "a", "b", "LEFT"));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LMPOP 0 a LEFT|ERR numkeys should be greater than 0",
                "LMPOP x a LEFT|ERR numkeys should be greater than 0",
                "LMPOP 3 a LEFT|ERR syntax error",
                "LMPOP 1 a UP|ERR syntax error",
                "LMPOP 1 a LEFT COUNT 0|ERR count should be greater than 0",
                "LMPOP 1 a LEFT COUNT|ERR syntax error",
                "LMPOP 1 a LEFT COUNT 1 COUNT 1|ERR syntax error",
                "LMPOP 2 a s LEFT|WRONGTYPE Operation against a key holding the wrong kind of value",
                "BLMPOP x 1 a LEFT|ERR timeout is not a float or out of range",
                "BLMPOP -1 1 a LEFT|ERR timeout is negative",
                "BLMPOP 0 0 a LEFT|ERR numkeys should be greater than 0",
                "RPOPLPUSH s a|WRONGTYPE Operation against a key holding the wrong kind of value",
                "BRPOPLPUSH a b x|ERR timeout is not a float or out of range"
            })
    void malformedCallsAnswerRedisErrors(String command, String expected) {
        try (RespClient client = node.connect(2)) {
            client.call("SET", "s", "x");
            assertEquals(error(expected), client.call(command.split(" ")));
        }
    }

    @Test
    void blmpopBlocksUntilAPushServesItWithUpToCountElements() {
        try (RespClient waiter = node.connect(3);
                RespClient pusher = node.connect(2)) {
            waiter.send("BLMPOP", "0", "2", "a", "b", "RIGHT", "COUNT", "2");
            node.awaitBlockedClients(1);
            assertEquals(integer(3), pusher.call("RPUSH", "b", "x", "y", "z"));
            assertEquals(array(bulk("b"), array(bulk("z"), bulk("y"))), waiter.read());
            assertEquals(array(bulk("x")), pusher.call("LRANGE", "b", "0", "-1"));
        }
    }

    @Test
    void blmpopTimesOutWithTheNullArrayAndAnswersAtOnceInsideMulti() {
        try (RespClient client = node.connect(2)) {
            assertEquals(NULL_ARRAY, client.call("BLMPOP", "0.01", "1", "a", "LEFT"));
            client.call("MULTI");
            assertEquals(simple("QUEUED"), client.call("BLMPOP", "0", "1", "a", "LEFT"));
            assertEquals(simple("QUEUED"), client.call("BRPOPLPUSH", "a", "b", "0"));
            assertEquals(array(NULL_ARRAY, NULL_BULK), client.call("EXEC"));
        }
    }

    @Test
    void rpoplpushMovesTheTailToTheHead() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "a", "1", "2", "3");
            assertEquals(bulk("3"), client.call("RPOPLPUSH", "a", "a"));
            assertEquals(bulk("2"), client.call("RPOPLPUSH", "a", "b"));
            assertEquals(array(bulk("3"), bulk("1")), client.call("LRANGE", "a", "0", "-1"));
            assertEquals(array(bulk("2")), client.call("LRANGE", "b", "0", "-1"));
            assertEquals(NULL_BULK, client.call("RPOPLPUSH", "none", "b"));
        }
    }

    @Test
    void brpoplpushBlocksUntilThePushAndTimesOutWithTheNullArray() {
        try (RespClient waiter = node.connect(2);
                RespClient pusher = node.connect(2)) {
            assertEquals(NULL_ARRAY, waiter.call("BRPOPLPUSH", "src", "dst", "0.01"));
            waiter.send("BRPOPLPUSH", "src", "dst", "0");
            node.awaitBlockedClients(1);
            pusher.call("LPUSH", "src", "v");
            assertEquals(bulk("v"), waiter.read());
            assertEquals(array(bulk("v")), pusher.call("LRANGE", "dst", "0", "-1"));
        }
    }
}

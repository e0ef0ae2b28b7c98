package io.slotwise.sim.data;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.keyspace.Key;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BLPOP, BRPOP and BLMOVE over loopback sockets: serving order, timeouts, disconnects, pipelining, transactions. */
class BlockingListCommandsTest {
    private static final String QUEUED = simple("QUEUED");
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

    @Test
    void blockingPopsAnswerAtOnceFromTheFirstNonEmptyList() {
        try (RespClient client = node.connect(2)) {
            client.call("RPUSH", "b", "1", "2", "3");
            assertEquals(array(bulk("b"), bulk("1")), client.call("BLPOP", "a", "b", "0"));
            assertEquals(array(bulk("b"), bulk("3")), client.call("BRPOP", "a", "b", "0"));
            assertEquals(bulk("2"), client.call("BLMOVE", "b", "c", "LEFT", "RIGHT", "0"));
            assertEquals(array(bulk("c"), bulk("2")), client.call("BRPOP", "c", "1"));
            client.call("SADD", "set", "m");
            client.call("RPUSH", "list", "x");
            assertEquals(array(bulk("list"), bulk("x")), client.call("BLPOP", "list", "set", "0"));
            assertEquals(
                    error("WRONGTYPE Operation against a key holding the wrong kind of value"),
                    client.call("BLPOP", "missing", "set", "0"));
        }
    }

    @Test
    void twoClientsBlockedOnOneKeyAreServedInTheOrderTheyBlocked() {
        try (RespClient first = node.connect(2);
                RespClient second = node.connect(3);
                RespClient pusher = node.connect(2)) {
            first.send("BLPOP", "queue", "0");
            node.awaitBlockedClients(1);
            second.send("BLPOP", "queue", "0");
            node.awaitBlockedClients(2);
            assertEquals(integer(2), pusher.call("RPUSH", "queue", "one", "two"), "the push counts before serving");
            assertEquals(array(bulk("queue"), bulk("one")), first.read());
            assertEquals(array(bulk("queue"), bulk("two")), second.read());
            assertEquals(integer(0), pusher.call("LLEN", "queue"));
        }
    }

    @Test
    void oneElementServesOnlyTheLongestWaitingClient() {
        try (RespClient first = node.connect(2);
                RespClient second = node.connect(2);
                RespClient pusher = node.connect(2)) {
            first.send("BRPOP", "queue", "0");
            node.awaitBlockedClients(1);
            second.send("BRPOP", "queue", "0");
            node.awaitBlockedClients(2);
            assertEquals(integer(2), pusher.call("LPUSH", "queue", "a", "b"));
            assertEquals(array(bulk("queue"), bulk("a")), first.read(), "BRPOP takes the tail");
            assertEquals(array(bulk("queue"), bulk("b")), second.read());
            second.send("BLPOP", "queue", "0");
            node.awaitBlockedClients(1);
            first.send("BLPOP", "queue", "0");
            node.awaitBlockedClients(2);
            pusher.call("RPUSH", "queue", "only");
            assertEquals(array(bulk("queue"), bulk("only")), second.read());
            node.awaitBlockedClients(1);
            pusher.call("RPUSH", "queue", "later");
            assertEquals(array(bulk("queue"), bulk("later")), first.read());
        }
    }

    @Test
    void aClientBlockedOnSeveralKeysIsServedFromTheOneThatGetsData() {
        try (RespClient waiter = node.connect(2);
                RespClient pusher = node.connect(2)) {
            waiter.send("BLPOP", "k1", "k2", "k1", "0");
            node.awaitBlockedClients(1);
            assertEquals(2, node.blockedKeys(), "a repeated key is waited on once");
            pusher.call("RPUSH", "k2", "v");
            assertEquals(array(bulk("k2"), bulk("v")), waiter.read());
        }
    }

    @Test
    void blmoveWakesOnPushAndItsMoveWakesTheNextWaiter() {
        try (RespClient mover = node.connect(2);
                RespClient popper = node.connect(2);
                RespClient pusher = node.connect(2)) {
            mover.send("BLMOVE", "source", "middle", "RIGHT", "LEFT", "0");
            node.awaitBlockedClients(1);
            popper.send("BLPOP", "middle", "0");
            node.awaitBlockedClients(2);
            assertEquals(integer(1), pusher.call("LPUSH", "source", "v"));
            assertEquals(bulk("v"), mover.read());
            assertEquals(array(bulk("middle"), bulk("v")), popper.read());
            assertEquals(integer(0), pusher.call("DBSIZE"));
        }
    }

    @Test
    void blmoveToADestinationOfAnotherTypeAnswersWrongTypeAndMovesNothing() {
        try (RespClient mover = node.connect(2);
                RespClient pusher = node.connect(2)) {
            mover.send("BLMOVE", "source", "target", "LEFT", "LEFT", "0");
            node.awaitBlockedClients(1);
            pusher.call("SADD", "target", "m");
            pusher.call("RPUSH", "source", "v");
            assertEquals(error("WRONGTYPE Operation against a key holding the wrong kind of value"), mover.read());
            assertEquals(array(bulk("v")), pusher.call("LRANGE", "source", "0", "-1"));
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void aTimeoutAnswersTheNullArray(int protocol) {
        String nullArray = protocol == 2 ? "*-1\r\n" : "_\r\n";
        try (RespClient client = node.connect(protocol)) {
            assertEquals(nullArray, client.call("BLPOP", "nothing", "0.05"));
            assertEquals(nullArray, client.call("BRPOP", "nothing", "else", "0.02"));
            assertEquals(nullArray, client.call("BLMOVE", "nothing", "dst", "LEFT", "LEFT", "0.02"));
            assertEquals(simple("PONG"), client.call("PING"));
        }
    }

    @Test
    void aTimeoutBelowAMillisecondIsRoundedUpAndNotReadAsForever() {
        try (RespClient client = node.connect(2)) {
            assertEquals("*-1\r\n", client.call("BLPOP", "nothing", "0.0001"));
        }
    }

    @Test
    void aTimeoutEndsTheWaitNoSooner() {
        try (RespClient client = node.connect(2)) {
            long start = System.nanoTime();
            assertEquals("*-1\r\n", client.call("BLPOP", "nothing", "0.2"));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMillis >= 190, "waited " + elapsedMillis + " ms");
        }
    }

    @Test
    void theClusterHookEndsChosenWaitsWithAnError() {
        try (RespClient moved = node.connect(2);
                RespClient staying = node.connect(3);
                RespClient pusher = node.connect(2)) {
            moved.send("BLPOP", "gone", "other", "0");
            staying.send("BRPOP", "here", "0");
            node.awaitBlockedClients(2);
            int unblocked = node.onBlockedClients(blocked -> blocked.unblockWithError(
                    keys -> keys.get(0).equals(Key.of("gone")) ? "MOVED 42 127.0.0.1:7000" : null));
            assertEquals(1, unblocked);
            assertEquals(error("MOVED 42 127.0.0.1:7000"), moved.read());
            assertEquals(1, node.blockedClients());
            assertEquals(1, node.blockedKeys());
            pusher.call("RPUSH", "here", "v");
            assertEquals(array(bulk("here"), bulk("v")), staying.read());
        }
    }

    @Test
    void timeoutsAreParsedAsRedisParsesThem() {
        try (RespClient client = node.connect(2)) {
            String notAFloat = error("ERR timeout is not a float or out of range");
            assertEquals(notAFloat, client.call("BLPOP", "q", "soon"));
            assertEquals(notAFloat, client.call("BRPOP", "q", "nan"));
            assertEquals(notAFloat, client.call("BLMOVE", "q", "d", "LEFT", "LEFT", " 1"));
            assertEquals(error("ERR timeout is negative"), client.call("BLPOP", "q", "-1"));
            assertEquals(error("ERR timeout is negative"), client.call("BLPOP", "q", "inf"));
            assertEquals(error("ERR timeout is out of range"), client.call("BLPOP", "q", "9223372036854775"));
            assertEquals(error("ERR syntax error"), client.call("BLMOVE", "q", "d", "UP", "LEFT", "x"));
            client.call("SADD", "set", "m");
            assertEquals(notAFloat, client.call("BLPOP", "set", "x"), "the timeout is checked before the keys");
        }
    }

    @Test
    void aClientThatDisconnectsWhileBlockedLeavesNoWaiterBehind() {
        try (RespClient pusher = node.connect(2)) {
            RespClient waiter = node.connect(2);
            waiter.send("BLPOP", "queue", "0");
            node.awaitBlockedClients(1);
            waiter.close();
            node.awaitBlockedClients(0);
            assertEquals(0, node.blockedKeys());
            pusher.call("RPUSH", "queue", "kept");
            assertEquals(integer(1), pusher.call("LLEN", "queue"), "nobody took the element");
        }
    }

    @Test
    void pipelinedCommandsOfABlockedClientRunAfterItIsServed() {
        try (RespClient waiter = node.connect(2);
                RespClient pusher = node.connect(2)) {
            waiter.sendRaw(RespClient.command("BLPOP", "queue", "0")
                    + RespClient.command("LLEN", "queue")
                    + RespClient.command("ECHO", "after"));
            node.awaitBlockedClients(1);
            assertEquals(integer(2), pusher.call("RPUSH", "queue", "a", "b"));
            assertEquals(array(bulk("queue"), bulk("a")), waiter.read());
            assertEquals(integer(1), waiter.read());
            assertEquals(bulk("after"), waiter.read());
        }
    }

    @Test
    void aPushInsideMultiWakesWaitersAfterExec() {
        try (RespClient waiter = node.connect(2);
                RespClient writer = node.connect(2)) {
            waiter.send("BLPOP", "queue", "0");
            node.awaitBlockedClients(1);
            assertEquals(simple("OK"), writer.call("MULTI"));
            assertEquals(QUEUED, writer.call("RPUSH", "queue", "x"));
            assertEquals(QUEUED, writer.call("LLEN", "queue"));
            assertEquals(array(integer(1), integer(1)), writer.call("EXEC"), "nobody is served inside EXEC");
            assertEquals(array(bulk("queue"), bulk("x")), waiter.read());
            assertEquals(integer(0), writer.call("LLEN", "queue"));
        }
    }

    @Test
    void aPushAndPopInsideOneExecLeavesWaitersBlocked() {
        try (RespClient waiter = node.connect(2);
                RespClient writer = node.connect(2)) {
            waiter.send("BLPOP", "queue", "0");
            node.awaitBlockedClients(1);
            writer.call("MULTI");
            writer.call("RPUSH", "queue", "x");
            writer.call("LPOP", "queue");
            assertEquals(array(integer(1), bulk("x")), writer.call("EXEC"));
            assertEquals(1, node.blockedClients());
            writer.call("RPUSH", "queue", "y");
            assertEquals(array(bulk("queue"), bulk("y")), waiter.read());
        }
    }

    @ParameterizedTest(name = "RESP{0}")
    @ValueSource(ints = {2, 3})
    void blockingCommandsInsideMultiAnswerAtOnce(int protocol) {
        String nullArray = protocol == 2 ? "*-1\r\n" : "_\r\n";
        String nullBulk = protocol == 2 ? "$-1\r\n" : "_\r\n";
        try (RespClient client = node.connect(protocol)) {
            client.call("MULTI");
            client.call("BLPOP", "q", "0");
            client.call("BRPOP", "q", "0");
            client.call("BLMOVE", "q", "d", "LEFT", "LEFT", "0");
            client.call("RPUSH", "q", "v");
            client.call("BLPOP", "q", "0");
            assertEquals(
                    array(nullArray, nullArray, nullBulk, integer(1), array(bulk("q"), bulk("v"))),
                    client.call("EXEC"));
        }
    }
}

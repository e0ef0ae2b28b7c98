package io.slotwise.sim.pubsub;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Pub/Sub commands of a standalone node, over real connections, with Redis 7.0's wire replies. */
class PubSubCommandsTest {
    private SimNode node;

    @BeforeEach
    void startNode() {
        node = SimNode.builder(SimNodeConfig.defaults().with("port", "0")).start();
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void subscribeConfirmsEveryChannelAndPublishCountsEveryDelivery() {
        try (RespClient subscriber = RespClient.connect(node.port());
                RespClient publisher = RespClient.connect(node.port())) {
            assertEquals(push("subscribe", bulk("a"), integer(1)), subscriber.call("SUBSCRIBE", "a", "b"));
            assertEquals(push("subscribe", bulk("b"), integer(2)), subscriber.read());
            assertEquals(push("psubscribe", bulk("a*"), integer(3)), subscriber.call("PSUBSCRIBE", "a*"));

            assertEquals(integer(2), publisher.call("PUBLISH", "a", "hello"));

            assertEquals(array(bulk("message"), bulk("a"), bulk("hello")), subscriber.read());
            assertEquals(array(bulk("pmessage"), bulk("a*"), bulk("a"), bulk("hello")), subscriber.read());
            assertEquals(integer(0), publisher.call("PUBLISH", "c", "nobody"));
        }
    }

    @Test
    void subscribedResp2ClientMayOnlyRunPubSubCommandsPingQuitAndReset() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("SSUBSCRIBE", "s");

            assertEquals(
                    error("ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET"
                            + " are allowed in this context"),
                    client.call("GET", "k"));
            assertEquals(
                    error("ERR Can't execute 'client|id': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT"
                            + " / RESET are allowed in this context"),
                    client.call("CLIENT", "ID"));
            assertEquals(
                    error("EXECABORT Transaction discarded because of: Can't execute 'exec': only (P|S)SUBSCRIBE /"
                            + " (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context"),
                    client.call("EXEC"));
            assertEquals(array(bulk("pong"), bulk("")), client.call("PING"));
            assertEquals(array(bulk("pong"), bulk("hi")), client.call("PING", "hi"));
            assertEquals(push("unsubscribe", "$-1\r\n", integer(0)), client.call("UNSUBSCRIBE"));
            assertTrue(client.call("GET", "k").startsWith("-ERR Can't execute"), "a shard channel still counts");

            assertEquals(simple("RESET"), client.call("RESET"));

            assertEquals("$-1\r\n", client.call("GET", "k"));
            assertEquals(simple("PONG"), client.call("PING"));
        }
    }

    @Test
    void resp3SubscriberGetsPushFramesAndMayRunAnyCommand() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("HELLO", "3");
            assertEquals(">3\r\n" + bulk("subscribe") + bulk("a") + integer(1), client.call("SUBSCRIBE", "a"));
            assertEquals(simple("PONG"), client.call("PING"));
            assertEquals("_\r\n", client.call("GET", "k"));

            client.send("PUBLISH", "a", "self");

            assertEquals(">3\r\n" + bulk("message") + bulk("a") + bulk("self"), client.read());
            assertEquals(integer(1), client.read());
        }
    }

    @Test
    void pubsubSubcommandsDescribeThisNodesSubscribers() {
        try (RespClient one = RespClient.connect(node.port());
                RespClient two = RespClient.connect(node.port());
                RespClient admin = RespClient.connect(node.port())) {
            one.call("SUBSCRIBE", "news");
            two.call("SUBSCRIBE", "news");
            two.call("PSUBSCRIBE", "n*");
            two.call("SSUBSCRIBE", "orders");

            assertEquals(array(bulk("news")), admin.call("PUBSUB", "CHANNELS"));
            assertEquals(array(), admin.call("PUBSUB", "CHANNELS", "x*"));
            assertEquals(
                    array(bulk("news"), integer(2), bulk("none"), integer(0)),
                    admin.call("PUBSUB", "NUMSUB", "news", "none"));
            assertEquals(integer(1), admin.call("PUBSUB", "NUMPAT"));
            assertEquals(array(bulk("orders")), admin.call("PUBSUB", "SHARDCHANNELS", "o*"));
            assertEquals(array(bulk("orders"), integer(1)), admin.call("PUBSUB", "SHARDNUMSUB", "orders"));
            assertEquals(
                    error("ERR unknown subcommand or wrong number of arguments for 'channels'. Try PUBSUB HELP."),
                    admin.call("PUBSUB", "channels", "a", "b"));
            assertTrue(admin.call("PUBSUB", "HELP").startsWith("*14\r\n+PUBSUB <subcommand>"));
        }
    }

    @Test
    void clientListShowsSubscriptionCountsAndThePubSubFlag() {
        try (RespClient subscriber = RespClient.connect(node.port());
                RespClient admin = RespClient.connect(node.port())) {
            subscriber.call("SUBSCRIBE", "a", "b");
            subscriber.read();
            subscriber.call("PSUBSCRIBE", "p*");
            subscriber.call("SSUBSCRIBE", "s");

            String list = admin.call("CLIENT", "LIST");

            assertTrue(list.contains(" flags=P db=0 sub=2 psub=1 ssub=1 "), list);
            assertTrue(list.contains(" flags=N db=0 sub=0 psub=0 ssub=0 "), list);
        }
    }

    @Test
    void ssubscribeInsideExecIsRefusedWhileSubscribeRuns() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("MULTI");
            client.call("SSUBSCRIBE", "s");
            client.call("SUBSCRIBE", "a");

            assertEquals(
                    array(
                            error("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client"),
                            push("subscribe", bulk("a"), integer(1))),
                    client.call("EXEC"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE"})
    void aClosedConnectionLeavesNoSubscription(String command) {
        try (RespClient admin = RespClient.connect(node.port())) {
            try (RespClient subscriber = RespClient.connect(node.port())) {
                subscriber.call(command, "gone");
            }
            awaitReply(() -> admin.call("PUBSUB", "NUMSUB", "gone"), array(bulk("gone"), integer(0)));
            awaitReply(() -> admin.call("PUBSUB", "NUMPAT"), integer(0));
            awaitReply(() -> admin.call("PUBSUB", "SHARDNUMSUB", "gone"), array(bulk("gone"), integer(0)));
        }
    }

    private static String push(String kind, String encodedName, String encodedCount) {
        return array(bulk(kind), encodedName, encodedCount);
    }

    /** Polls every 10 ms until the call answers {@code expected}, for at most ten seconds. */
    static void awaitReply(Supplier<String> call, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String last = call.get();
        while (!last.equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + expected, e);
            }
            last = call.get();
        }
        assertEquals(expected, last);
    }
}

package io.slotwise.sim.command;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CLIENT KILL, PAUSE/UNPAUSE, REPLY, NO-EVICT, UNBLOCK and TRACKING on a standalone node. */
class ClientAdminCommandsTest {
    private static final String OK = simple("OK");
    private SimNode node;

    @BeforeEach
    void startNode() {
        node = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    private static String id(RespClient client) {
        return client.call("CLIENT", "ID").substring(1).trim();
    }

    @Test
    void killByIdClosesThatClientAndCountsIt() {
        try (RespClient killer = RespClient.connect(node.port());
                RespClient victim = RespClient.connect(node.port())) {
            assertEquals(integer(1), killer.call("CLIENT", "KILL", "ID", id(victim)));
            assertTrue(victim.closedByServer());
            assertEquals(integer(0), killer.call("CLIENT", "KILL", "ID", "999999"));
        }
    }

    @Test
    void killByAddressInTheOldFormAnswersOkOrNoSuchClient() {
        try (RespClient killer = RespClient.connect(node.port());
                RespClient victim = RespClient.connect(node.port())) {
            String info = victim.call("CLIENT", "INFO");
            String address = info.substring(info.indexOf("addr=") + 5, info.indexOf(' ', info.indexOf("addr=")));
            assertEquals(OK, killer.call("CLIENT", "KILL", address));
            assertTrue(victim.closedByServer());
            assertEquals(error("ERR No such client"), killer.call("CLIENT", "KILL", "1.2.3.4:5"));
        }
    }

    @Test
    void killSkipsTheCallerUnlessSkipmeIsNo() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(integer(0), client.call("CLIENT", "KILL", "ID", id(client)));
            assertEquals(integer(1), client.call("CLIENT", "KILL", "ID", id(client), "SKIPME", "no"));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void killFiltersAreValidatedWithRedisErrors() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(error("ERR client-id should be greater than 0"), client.call("CLIENT", "KILL", "ID", "0"));
            assertEquals(error("ERR Unknown client type 'foo'"), client.call("CLIENT", "KILL", "TYPE", "foo"));
            assertEquals(error("ERR No such user 'nobody'"), client.call("CLIENT", "KILL", "USER", "nobody"));
            assertEquals(error("ERR syntax error"), client.call("CLIENT", "KILL", "SKIPME", "maybe"));
            assertEquals(error("ERR syntax error"), client.call("CLIENT", "KILL", "ID", "1", "ADDR"));
        }
    }

    @Test
    void pausedWritesWaitWhileReadsAndOtherClientsAreServed() throws Exception {
        try (RespClient admin = RespClient.connect(node.port());
                RespClient writer = RespClient.connect(node.port());
                RespClient reader = RespClient.connect(node.port())) {
            assertEquals(OK, admin.call("CLIENT", "PAUSE", "60000", "WRITE"));
            writer.send("SET", "k", "v");
            CompletableFuture<String> written = CompletableFuture.supplyAsync(writer::read);
            assertEquals("$-1\r\n", reader.call("GET", "k"));
            assertTrue(!written.isDone());
            assertEquals(OK, admin.call("CLIENT", "UNPAUSE"));
            assertEquals(OK, written.get(5, TimeUnit.SECONDS));
            assertEquals(bulk("v"), reader.call("GET", "k"));
        }
    }

    @Test
    void pauseEndsByItselfAfterItsTimeout() {
        try (RespClient admin = RespClient.connect(node.port());
                RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, admin.call("CLIENT", "PAUSE", "100"));
            long started = System.nanoTime();
            assertEquals(simple("PONG"), client.call("PING"));
            assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void pauseArgumentsAreValidatedWithRedisErrors() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(error("ERR timeout is not an integer or out of range"), client.call("CLIENT", "PAUSE", "x"));
            assertEquals(error("ERR timeout is negative"), client.call("CLIENT", "PAUSE", "-1"));
            assertEquals(
                    error("ERR CLIENT PAUSE mode must be WRITE or ALL"), client.call("CLIENT", "PAUSE", "10", "FOO"));
        }
    }

    @Test
    void replyOffAndSkipSuppressRepliesUntilReplyOn() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.send("CLIENT", "REPLY", "OFF");
            client.send("SET", "a", "1");
            client.send("NOSUCHCOMMAND");
            assertEquals(OK, client.call("CLIENT", "REPLY", "ON"));
            client.send("CLIENT", "REPLY", "SKIP");
            client.send("GET", "a");
            assertEquals(bulk("1"), client.call("GET", "a"));
            assertEquals(error("ERR syntax error"), client.call("CLIENT", "REPLY", "MAYBE"));
        }
    }

    @Test
    void noEvictIsAcceptedAndShownInClientInfo() {
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(OK, client.call("CLIENT", "NO-EVICT", "on"));
            assertTrue(client.call("CLIENT", "INFO").contains("flags=e "));
            assertEquals(error("ERR syntax error"), client.call("CLIENT", "NO-EVICT", "maybe"));
        }
    }

    @Test
    void unblockEndsABlpopWithTheTimeoutReplyOrAnError() {
        try (RespClient admin = RespClient.connect(node.port());
                RespClient blocked = RespClient.connect(node.port())) {
            String id = id(blocked);
            blocked.send("BLPOP", "list", "0");
            awaitBlocked(admin, id);
            assertEquals(integer(1), admin.call("CLIENT", "UNBLOCK", id));
            assertEquals("*-1\r\n", blocked.read());
            blocked.send("BLPOP", "list", "0");
            awaitBlocked(admin, id);
            assertEquals(integer(1), admin.call("CLIENT", "UNBLOCK", id, "ERROR"));
            assertEquals(error("UNBLOCKED client unblocked via CLIENT UNBLOCK"), blocked.read());
            assertEquals(integer(0), admin.call("CLIENT", "UNBLOCK", id));
            assertEquals(
                    error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR"),
                    admin.call("CLIENT", "UNBLOCK", id, "FOO"));
        }
    }

    private static void awaitBlocked(RespClient admin, String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!admin.call("CLIENT", "LIST", "ID", id).contains("flags=b")) {
            assertTrue(System.nanoTime() < deadline, "the client never blocked");
            Thread.onSpinWait();
        }
    }
}

package io.slotwise.sim.tracking;

import static io.slotwise.sim.Resp.array;
import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.tracking.Invalidations.invalidate;
import static io.slotwise.sim.tracking.Invalidations.message;
import static io.slotwise.sim.tracking.Invalidations.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REDIRECT (RESP2 through {@code __redis__:invalidate}, RESP3 pushes, a broken redirection) and BCAST with prefixes. */
class RedirectAndBroadcastTrackingTest {
    private static final String OK = simple("OK");
    private static final String PONG = simple("PONG");

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
    void resp2ClientGetsInvalidationsThroughASubscribedRedirectTarget() {
        try (RespClient client = RespClient.connect(node.port());
                RespClient target = RespClient.connect(node.port())) {
            String targetId = idOf(target);
            target.call("SUBSCRIBE", "__redis__:invalidate");
            assertEquals(OK, client.call("CLIENT", "TRACKING", "on", "REDIRECT", targetId));
            assertEquals(integer(Long.parseLong(targetId)), client.call("CLIENT", "GETREDIR"));

            client.call("GET", "k");
            assertEquals(OK, client.call("SET", "k", "1"));
            assertEquals(message("k"), target.read());
            assertEquals(OK, client.call("FLUSHALL"));
            assertEquals(array(bulk("message"), bulk("__redis__:invalidate"), "$-1\r\n"), target.read());

            target.call("UNSUBSCRIBE");
            client.call("GET", "k");
            client.call("SET", "k", "2");
            target.call("HELLO", "3");
            client.call("GET", "k");
            client.call("SET", "k", "3");
            assertEquals(invalidate("k"), target.read(), "nothing reached the unsubscribed RESP2 target");
        }
    }

    @Test
    void redirectToAClosedClientIsReportedAsBroken() {
        try (RespClient client = RespClient.connect(node.port());
                RespClient other = RespClient.connect(node.port())) {
            client.call("HELLO", "3");
            String targetId;
            try (RespClient target = RespClient.connect(node.port())) {
                targetId = idOf(target);
                client.call("CLIENT", "TRACKING", "on", "REDIRECT", targetId);
            }
            awaitGone(other, targetId);
            client.call("GET", "k");

            assertEquals(OK, client.call("SET", "k", "4"));
            assertEquals(push(bulk("tracking-redir-broken"), integer(Long.parseLong(targetId))), client.read());
            String line = client.call("CLIENT", "INFO");
            assertTrue(line.contains(" flags=tR ") && line.contains(" redir=" + targetId + " "), line);
            assertEquals(
                    "%3\r\n" + bulk("flags") + "~2\r\n" + bulk("on") + bulk("broken_redirect") + bulk("redirect")
                            + integer(Long.parseLong(targetId)) + bulk("prefixes") + "*0\r\n",
                    client.call("CLIENT", "TRACKINGINFO"));
        }
    }

    @Test
    void broadcastGroupsModifiedKeysPerPrefixInByteOrderAfterTheReply() {
        try (RespClient client = RespClient.connect(node.port());
                RespClient other = RespClient.connect(node.port())) {
            client.call("HELLO", "3");
            client.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "p:", "PREFIX", "q:");

            assertEquals(OK, client.call("MSET", "p:2", "x", "q:1", "y", "p:0", "z", "other", "1"));
            assertEquals(invalidate("p:0", "p:2"), client.read());
            assertEquals(invalidate("q:1"), client.read());

            client.call("MULTI");
            client.call("SET", "p:b", "1");
            client.call("SET", "p:a", "1");
            client.call("DEL", "p:a");
            assertEquals("*3\r\n" + OK + OK + integer(1), client.call("EXEC"));
            assertEquals(invalidate("p:a", "p:b"), client.read(), "each key once");

            other.call("SET", "p:x", "1");
            assertEquals(invalidate("p:x"), client.read());
            client.call("GET", "p:x");
            other.call("SET", "z", "1");
            assertEquals(PONG, client.call("PING"), "no read tracking and no other keys in BCAST mode");
        }
    }

    @Test
    void broadcastWithNoLoopLeavesOutTheClientsOwnChanges() {
        try (RespClient client = RespClient.connect(node.port());
                RespClient other = RespClient.connect(node.port())) {
            client.call("HELLO", "3");
            client.call("CLIENT", "TRACKING", "on", "BCAST", "NOLOOP", "PREFIX", "r:");

            client.call("SET", "r:1", "y");
            other.call("SET", "r:2", "y");
            assertEquals(invalidate("r:2"), client.read());
            assertEquals(PONG, client.call("PING"));
        }
    }

    private static void awaitGone(RespClient admin, String id) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (admin.call("CLIENT", "LIST").contains("id=" + id + " ")) {
            assertTrue(System.nanoTime() < deadline, "client " + id + " is still listed");
            Thread.onSpinWait();
        }
    }

    private static String idOf(RespClient client) {
        return client.call("CLIENT", "ID").substring(1).trim();
    }
}

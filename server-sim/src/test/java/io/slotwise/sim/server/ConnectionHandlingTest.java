package io.slotwise.sim.server;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.protocol.Reply;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a node treats connections: pipelining, commands that complete later, protocol errors. A test-only asynchronous
 * handler stands in for WAIT: each call parks a future the test completes from its own thread.
 */
class ConnectionHandlingTest {
    private final BlockingQueue<CompletableFuture<Reply>> pending = new LinkedBlockingQueue<>();
    private SimNode node;

    @BeforeEach
    void startNode() {
        node = SimNode.builder(SimNodeConfig.defaults().with("port", "0"))
                .module(setup -> setup.commands().registerAsync("wait", ctx -> {
                    CompletableFuture<Reply> reply = new CompletableFuture<>();
                    pending.add(reply);
                    return reply;
                }))
                .start();
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void thousandPipelinedRequestsInOneWriteAreAnsweredInOrder() {
        try (RespClient client = RespClient.connect(node.port())) {
            StringBuilder pipeline = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                pipeline.append(RespClient.command("PING", Integer.toString(i)));
            }
            client.sendRaw(pipeline.toString());
            for (int i = 0; i < 1000; i++) {
                assertEquals(bulk(Integer.toString(i)), client.read());
            }
        }
    }

    @Test
    void laterRequestsWaitForAPendingReplyWhileOtherConnectionsAreServed() throws Exception {
        try (RespClient client = RespClient.connect(node.port());
                RespClient other = RespClient.connect(node.port())) {
            client.sendRaw(RespClient.command("PING", "before")
                    + RespClient.command("WAIT", "1", "0")
                    + RespClient.command("PING", "after")
                    + RespClient.command("ECHO", "last"));
            assertEquals(bulk("before"), client.read());
            CompletableFuture<Reply> waiting = pending.poll(5, TimeUnit.SECONDS);
            assertEquals(simple("PONG"), other.call("PING"));
            String clients = textOf(other.call("CLIENT", "LIST"));
            assertTrue(clients.contains(" flags=b ") && clients.contains(" cmd=wait "), clients);
            waiting.complete(Reply.integer(0));
            assertEquals(":0\r\n", client.read());
            assertEquals(bulk("after"), client.read());
            assertEquals(bulk("last"), client.read());
            assertTrue(pending.isEmpty());
        }
    }

    @Test
    void failedPendingCommandAnswersItsErrorInTurn() throws Exception {
        try (RespClient client = RespClient.connect(node.port())) {
            client.sendRaw(RespClient.command("WAIT", "1", "0")
                    + RespClient.command("WAIT", "1", "0")
                    + RespClient.command("PING"));
            pending.poll(5, TimeUnit.SECONDS).completeExceptionally(new CommandException("NOREPLICAS Not enough"));
            pending.poll(5, TimeUnit.SECONDS).completeExceptionally(new IllegalStateException("bug"));
            assertEquals(error("NOREPLICAS Not enough"), client.read());
            assertEquals(
                    error("ERR internal error of the Slotwise simulator executing 'wait', see the node's log"),
                    client.read());
            assertEquals(simple("PONG"), client.read());
        }
    }

    @Test
    void pendingCommandsInsideExecAreAwaitedInOrder() throws Exception {
        try (RespClient client = RespClient.connect(node.port())) {
            client.call("MULTI");
            client.call("WAIT", "1", "0");
            client.call("PING");
            client.send("EXEC");
            pending.poll(5, TimeUnit.SECONDS).complete(Reply.integer(7));
            assertEquals("*2\r\n:7\r\n+PONG\r\n", client.read());
        }
    }

    @Test
    void protocolErrorClosesOnlyItsConnectionAfterEarlierReplies() {
        try (RespClient bad = RespClient.connect(node.port());
                RespClient good = RespClient.connect(node.port())) {
            bad.sendRaw(RespClient.command("PING") + "*1\r\n$x\r\n" + RespClient.command("PING"));
            assertEquals(simple("PONG"), bad.read());
            assertEquals(error("ERR Protocol error: invalid bulk length"), bad.read());
            assertTrue(bad.closedByServer());
            assertEquals(simple("PONG"), good.call("PING"));
        }
    }

    @Test
    void protocolErrorBehindAPendingCommandWaitsForItsTurn() throws Exception {
        try (RespClient client = RespClient.connect(node.port())) {
            client.sendRaw(RespClient.command("WAIT", "1", "0") + "*x\r\n");
            pending.poll(5, TimeUnit.SECONDS).complete(Reply.integer(1));
            assertEquals(":1\r\n", client.read());
            assertEquals(error("ERR Protocol error: invalid multibulk length"), client.read());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void inlineCommandsAreServed() {
        try (RespClient client = RespClient.connect(node.port())) {
            client.sendRaw("PING\r\nECHO \"a b\"\r\n");
            assertEquals(simple("PONG"), client.read());
            assertEquals(bulk("a b"), client.read());
        }
    }
}

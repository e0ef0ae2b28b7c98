package io.slotwise.sim;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A single node's fault injection: pause/resume like SIGSTOP/SIGCONT, and reply latency. */
class NodeFaultsTest {

    private static SimNode start() {
        return SimNode.start(SimNodeConfig.defaults().with("port", "0"));
    }

    @Test
    void pausedNodeKeepsConnectionsOpenAndServesQueuedCommandsInOrderOnResume() throws Exception {
        try (SimNode node = start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), node.port())) {
            socket.setSoTimeout(300);
            node.faults().pause();
            assertTrue(node.faults().isPaused());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((RespClient.command("SET", "k", "1") + RespClient.command("INCR", "k"))
                    .getBytes(StandardCharsets.UTF_8));
            assertThrows(SocketTimeoutException.class, in::read, "no reply while paused");
            try (Socket late = new Socket(InetAddress.getLoopbackAddress(), node.port())) {
                late.setSoTimeout(300);
                late.getOutputStream().write(RespClient.command("PING").getBytes(StandardCharsets.UTF_8));
                assertThrows(SocketTimeoutException.class, late.getInputStream()::read, "new connections wait too");
                node.faults().resume();
                late.setSoTimeout(5_000);
                assertEquals(simple("PONG"), new String(late.getInputStream().readNBytes(7), StandardCharsets.UTF_8));
            }
            socket.setSoTimeout(5_000);
            assertEquals(simple("OK") + ":2\r\n", new String(in.readNBytes(9), StandardCharsets.UTF_8));
            assertFalse(node.faults().isPaused());
        }
    }

    @Test
    void latencyHoldsEveryReplyBackInOrder() {
        try (SimNode node = start();
                RespClient client = RespClient.connect(node.port())) {
            node.faults().setLatency(Duration.ofMillis(300));
            assertEquals(Duration.ofMillis(300), node.faults().latency());
            long started = System.nanoTime();
            client.send("ECHO", "one");
            client.send("ECHO", "two");
            assertEquals(bulk("one"), client.read());
            assertEquals(bulk("two"), client.read());
            assertTrue(System.nanoTime() - started >= 300_000_000L, "replied before the latency");
            node.faults().setLatency(Duration.ZERO);
            assertEquals(simple("PONG"), client.call("PING"));
            assertThrows(IllegalArgumentException.class, () -> node.faults().setLatency(Duration.ofMillis(-1)));
        }
    }

    @Test
    void closingWhileRepliesAreHeldBackReleasesThem() {
        SimNode node = start();
        try (RespClient client = RespClient.connect(node.port())) {
            node.faults().setLatency(Duration.ofSeconds(30));
            client.send("SET", "held", "reply");
            Eventually.until("the node to have executed the command", () -> hasKey(node, "held"));
            node.close();
            assertTrue(client.closedByServer(), "closed without waiting for the held reply");
            assertTrue(node.whenClosed().isDone());
        }
    }

    private static boolean hasKey(SimNode node, String key) {
        Keyspace keyspace = node.service(Keyspace.class).orElseThrow();
        return node.eventLoop()
                .submit(() -> keyspace.exists(Key.of(key.getBytes(StandardCharsets.UTF_8))))
                .syncUninterruptibly()
                .getNow();
    }

    @Test
    void nodeWithoutClusterBusHasNoBusFaults() {
        try (SimNode node = start()) {
            assertTrue(node.faults().bus().isEmpty());
            assertThrows(IllegalStateException.class, () -> node.faults().healBus());
        }
    }
}

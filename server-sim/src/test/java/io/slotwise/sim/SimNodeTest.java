package io.slotwise.sim;

import static io.slotwise.sim.Resp.error;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.slotwise.sim.command.NodeServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimNodeTest {

    @Test
    void portZeroBindsAnEphemeralLoopbackPortThatConfigReports() {
        try (SimNode node = start()) {
            assertNotEquals(0, node.port());
            assertEquals(node.port(), node.config().port());
            assertEquals(node.port(), node.address().getPort());
            assertTrue(node.address().getAddress().isLoopbackAddress());
        }
    }

    @Test
    void closeClosesConnectionsRunsCloseActionsAndIsIdempotent() throws Exception {
        AtomicInteger closeActions = new AtomicInteger();
        SimNode node = SimNode.builder(SimNodeConfig.defaults().with("port", "0"))
                .module(setup -> setup.onClose(closeActions::incrementAndGet))
                .start();
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(simple("PONG"), client.call("PING"));
            node.close();
            assertTrue(client.closedByServer());
        }
        node.close();
        assertFalse(node.isOpen());
        assertTrue(node.whenClosed().isDone());
        assertEquals(1, closeActions.get());
        assertTrue(node.eventLoop().isShutdown(), "an owned event loop is released");
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), node.port()).close());
    }

    @Test
    void shutdownCommandClosesTheNodeWithoutReply() throws Exception {
        SimNode node = start();
        try (RespClient client = RespClient.connect(node.port())) {
            assertEquals(error("ERR syntax error"), client.call("SHUTDOWN", "SAVE", "NOSAVE"));
            assertEquals(error("ERR syntax error"), client.call("SHUTDOWN", "LATER"));
            assertEquals(error("ERR No shutdown in progress."), client.call("SHUTDOWN", "ABORT"));
            client.sendRaw(RespClient.command("SHUTDOWN", "NOSAVE") + RespClient.command("PING"));
            assertTrue(client.closedByServer(), "no reply, not even to the pipelined PING");
        }
        node.whenClosed().get(5, TimeUnit.SECONDS);
        assertFalse(node.isOpen());
    }

    @Test
    void nodesOnASharedGroupPinToOneLoopAndLeaveTheGroupRunning() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            SimNode first = SimNode.builder(config()).eventLoopGroup(group).start();
            try (SimNode second =
                    SimNode.builder(config()).eventLoopGroup(group).start()) {
                assertSame(first.eventLoop(), second.eventLoop());
                first.close();
                try (RespClient client = RespClient.connect(second.port())) {
                    assertEquals(simple("PONG"), client.call("PING"));
                }
            }
            assertFalse(group.isShuttingDown());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void busyPortFailsWithRedisMessage() {
        try (SimNode node = start()) {
            UncheckedIOException error = assertThrows(
                    UncheckedIOException.class,
                    () -> SimNode.start(SimNodeConfig.defaults().with("port", Integer.toString(node.port()))));
            assertTrue(
                    error.getMessage()
                            .startsWith("Could not create server TCP listening socket 127.0.0.1:" + node.port()
                                    + ": bind: "),
                    error.getMessage());
        }
    }

    @Test
    void thousandIdleConnectionsOpenAndCloseWithoutLeftovers() throws Exception {
        AtomicReference<NodeServices> services = new AtomicReference<>();
        try (SimNode node = SimNode.builder(config())
                .module(setup -> services.set(setup.node()))
                .start()) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    sockets.add(new Socket(InetAddress.getLoopbackAddress(), node.port()));
                }
                awaitClients(node, services.get(), 1000);
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            awaitClients(node, services.get(), 0);
            try (RespClient client = RespClient.connect(node.port())) {
                assertEquals(simple("PONG"), client.call("PING"));
            }
        }
    }

    private static void awaitClients(SimNode node, NodeServices services, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int count;
        do {
            count = node.eventLoop().submit(() -> services.clients().size()).get();
            if (count == expected) {
                return;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        assertEquals(expected, count);
    }

    private static SimNodeConfig config() {
        return SimNodeConfig.defaults().with("port", "0");
    }

    private static SimNode start() {
        return SimNode.start(config());
    }
}

package io.slotwise.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.slotwise.it.sim.RawConnection.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that try to exhaust a simulator node's memory or connections: a bulk whose declared length is huge but
 * whose bytes trickle in costs only what arrived, and thousands of idle connections are accepted, cost little, do not
 * stop the node from serving, and are forgotten once closed. The node runs in this JVM, so its memory is this JVM's
 * heap, measured after garbage collection.
 */
class SimNodeResourceLimitsIT {

    /** Generous: what a few MB of trickled bytes, thousands of channels and measurement noise may cost together. */
    private static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;

    private static final int DECLARED_BULK_LENGTH = 500_000_000;
    private static final int TRICKLE_CHUNK = 64 * 1024;
    private static final int TRICKLE_CHUNKS = 64;
    /** After this many chunks the test waits for the node to answer a PING, so the bulk arrives over many reads. */
    private static final int CHUNKS_PER_PACE = 8;

    private static final int IDLE_CONNECTIONS = 2000;
    /** File descriptors left for everything else in the JVM; each in-JVM connection takes two (both ends). */
    private static final long SPARE_DESCRIPTORS = 512;

    private static final Duration CLIENT_LIST_TIMEOUT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(NodeKind.class)
    void aDeclaredHugeBulkCostsOnlyTheBytesThatArrived(NodeKind kind) {
        try (SimNodeHandle node = kind.start();
                RawConnection pacer = RawConnection.open(node.port())) {
            long before = HeapUsage.liveBytes();
            try (RawConnection attacker = RawConnection.open(node.port())) {
                attacker.send("*2\r\n$4\r\nECHO\r\n$" + DECLARED_BULK_LENGTH + "\r\n");
                byte[] chunk = new byte[TRICKLE_CHUNK];
                Arrays.fill(chunk, (byte) 'x');
                for (int i = 1; i <= TRICKLE_CHUNKS; i++) {
                    attacker.send(chunk);
                    if (i % CHUNKS_PER_PACE == 0) {
                        assertEquals("+\"PONG\"", pacer.call("PING").render());
                    }
                }
                assertEquals("+\"PONG\"", pacer.call("PING").render());
                long growth = HeapUsage.liveBytes() - before;

                assertTrue(
                        growth < MAX_HEAP_GROWTH,
                        "the heap grew by " + growth + " bytes for a bulk declaring " + DECLARED_BULK_LENGTH
                                + " bytes of which " + (long) TRICKLE_CHUNK * TRICKLE_CHUNKS + " arrived");
                Transcript transcript = attacker.readTranscript(Duration.ofMillis(200), Duration.ofSeconds(5));
                assertFalse(transcript.closed(), "the node must wait for the rest of a bulk within proto-max-bulk-len");
                assertEquals(0, transcript.bytes().length, transcript.describe());
            }
            Eventually.await("the attacker's connection is gone", CLIENT_LIST_TIMEOUT, () -> clientCount(pacer), 1);
        }
    }

    @ParameterizedTest
    @EnumSource(NodeKind.class)
    void thousandsOfIdleConnectionsAreServedCheaplyAndForgottenWhenClosed(NodeKind kind) {
        int count = idleConnectionBudget();
        assumeTrue(count >= 100, "too few file descriptors left for an idle-connection test: " + count);
        try (SimNodeHandle node = kind.start();
                RawConnection live = RawConnection.open(node.port())) {
            long before = HeapUsage.liveBytes();
            List<Socket> idle = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    idle.add(connect(node.port()));
                }
                Eventually.await(
                        count + " idle connections are accepted",
                        CLIENT_LIST_TIMEOUT,
                        () -> clientCount(live),
                        count + 1);
                assertEquals("+\"PONG\"", live.call("PING").render());
                assertEquals("$\"x\"", live.call("ECHO", "x").render());
                long growth = HeapUsage.liveBytes() - before;
                assertTrue(growth < MAX_HEAP_GROWTH, count + " idle connections grew the heap by " + growth + " bytes");
            } finally {
                idle.forEach(SimNodeResourceLimitsIT::closeQuietly);
            }

            Eventually.await("only the live connection is left", CLIENT_LIST_TIMEOUT, () -> clientCount(live), 1);
            String clients = live.call("CLIENT", "LIST").text();
            assertTrue(clients.contains(":" + live.localPort() + " "), "CLIENT LIST shows " + clients);
            assertTrue(live.call("INFO", "clients").text().contains("connected_clients:1\r\n"));
        }
    }

    /** Returns how many idle connections this JVM can afford: {@value #IDLE_CONNECTIONS} unless descriptors are short. */
    private static int idleConnectionBudget() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return IDLE_CONNECTIONS;
        }
        long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - SPARE_DESCRIPTORS;
        return (int) Math.min(IDLE_CONNECTIONS, Math.max(0, free / 2));
    }

    private static int clientCount(RawConnection connection) {
        String list = connection.call("CLIENT", "LIST").text();
        return (int) list.chars().filter(c -> c == '\n').count();
    }

    private static Socket connect(int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("idle connection to port " + port, e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closed either way.
        }
    }
}

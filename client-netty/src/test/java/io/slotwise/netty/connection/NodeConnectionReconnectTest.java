package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeConnectionReconnectTest extends FakeServerTestBase {

    private static final ReconnectBackoff BACKOFF = new ReconnectBackoff(Duration.ofMillis(4), Duration.ofMillis(32));
    private static final double[] RANDOM = {0.5, 0.25, 0.75, 0.125, 1.0 - 1e-9, 0.5, 0.0};

    @Test
    void reconnectDelaysGrowExponentiallyWithTheInjectedJitterUpToTheCap() throws Exception {
        AtomicInteger draws = new AtomicInteger();
        NodeConnection connection = open(
                refusingAddress(),
                options()
                        .reconnectBackoff(BACKOFF)
                        .jitterSource(() -> RANDOM[draws.getAndIncrement() % RANDOM.length])
                        .build());
        connection.connect();
        Awaits.until(() -> listener.reconnectDelays.size() >= RANDOM.length, () -> "enough reconnects are scheduled");
        Awaits.value(connection.close());

        List<Duration> delays = listener.reconnectDelays.subList(0, RANDOM.length);
        for (int attempt = 0; attempt < RANDOM.length; attempt++) {
            long window = Math.min(4L << attempt, 32L) * 1_000_000;
            assertEquals((long) (window * RANDOM[attempt]), delays.get(attempt).toNanos(), "attempt " + attempt);
        }
        assertTrue(listener.count("connectFailed") >= RANDOM.length);
    }

    @Test
    void successfulReconnectResetsTheBackoff() throws InterruptedException {
        NodeConnection connection = open(options().jitterSource(() -> 0.5).build());
        Awaits.value(connection.connect());
        for (int drop = 0; drop < 3; drop++) {
            int connected = drop + 2;
            server.closeConnections();
            Awaits.until(() -> listener.count("connected") == connected, () -> "reconnected " + connected);
        }
        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(connection.send(RawCommand.of("PING"))));
        assertEquals(
                List.of(0, 0, 0),
                listener.events.stream()
                        .filter(e -> e.startsWith("reconnectScheduled"))
                        .map(e -> Integer.parseInt(e.substring("reconnectScheduled ".length())))
                        .toList());
    }

    @Test
    void withoutAutoReconnectTheNextCommandReconnects() throws InterruptedException {
        NodeConnection connection = open(options().autoReconnect(false).build());
        Awaits.value(connection.connect());
        server.closeConnections();
        Awaits.until(() -> listener.count("disconnected") == 1, () -> "the drop is noticed");
        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(connection.send(RawCommand.of("PING"))));
        assertEquals(0, listener.count("reconnectScheduled"));
        assertEquals(2, server.acceptedConnections());
    }

    private static NodeAddress refusingAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new NodeAddress("127.0.0.1", socket.getLocalPort());
        }
    }
}

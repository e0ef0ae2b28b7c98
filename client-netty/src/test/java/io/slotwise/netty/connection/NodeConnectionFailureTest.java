package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisConnectionException;
import io.slotwise.netty.testing.Exchange;
import io.slotwise.netty.testing.Responder;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespProtocolException;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class NodeConnectionFailureTest extends FakeServerTestBase {

    /** A backoff so long that only an explicit {@code connect()} reconnects: the test decides when. */
    private static final ReconnectBackoff MANUAL = new ReconnectBackoff(Duration.ofHours(1), Duration.ofHours(1));

    @Test
    void refusedConnectionFailsCommandsAsNotSent() throws Exception {
        NodeConnection connection = open(closedPort(), options().build());
        RedisConnectionException failure =
                Awaits.failure(connection.send(RawCommand.of("SET", "k", "v")), RedisConnectionException.class);
        assertFalse(failure.mayHaveExecuted());
        assertTrue(failure.getMessage().contains("was not sent"), failure.getMessage());
        assertTrue(hasCause(failure, ConnectException.class), () -> "cause chain: " + failure);
    }

    @Test
    void serverClosingMidFlightFailsInFlightCommandsAsMayHaveExecuted() throws InterruptedException {
        server.responder(Responder.on("INCR", Exchange::close, Responder.standard()));
        NodeConnection connection = open(options().build());
        RedisConnectionException failure =
                Awaits.failure(connection.send(RawCommand.of("INCR", "n")), RedisConnectionException.class);
        assertTrue(failure.mayHaveExecuted());
        assertTrue(failure.getMessage().contains("may have executed"), failure.getMessage());
    }

    @Test
    void commandsSentWhileDisconnectedAreQueuedAndWrittenAfterReconnect() throws InterruptedException {
        NodeConnection connection = open(options().reconnectBackoff(MANUAL).build());
        Awaits.value(connection.connect());
        server.closeConnections();
        Awaits.until(() -> listener.count("reconnectScheduled") == 1, () -> "a reconnect is scheduled");

        List<CompletionStage<RespValue>> queued =
                List.of(connection.send(RawCommand.of("SET", "k", "v")), connection.send(RawCommand.of("GET", "k")));
        assertFalse(queued.get(0).toCompletableFuture().isDone());
        assertEquals(List.of(), server.requests("SET"));

        Awaits.value(connection.connect());
        assertEquals(RespValue.SimpleString.OK, Awaits.value(queued.get(0)));
        assertEquals(RespValue.Bulk.of("v"), Awaits.value(queued.get(1)));
        assertEquals(2, server.acceptedConnections());
    }

    @Test
    void failFastRejectsCommandsWhileDisconnected() throws InterruptedException {
        NodeConnection connection = open(options()
                .reconnectBackoff(MANUAL)
                .disconnectedBehavior(DisconnectedBehavior.FAIL_FAST)
                .build());
        Awaits.value(connection.connect());
        server.closeConnections();
        Awaits.until(() -> listener.count("reconnectScheduled") == 1, () -> "a reconnect is scheduled");

        RedisConnectionException failure =
                Awaits.failure(connection.send(RawCommand.of("SET", "k", "v")), RedisConnectionException.class);
        assertFalse(failure.mayHaveExecuted());
        assertTrue(failure.getMessage().contains("fail fast"), failure.getMessage());

        Awaits.value(connection.connect());
        assertEquals(RespValue.SimpleString.OK, Awaits.value(connection.send(RawCommand.of("SET", "k", "v"))));
    }

    @Test
    void malformedReplyFailsInFlightCallersWithAProtocolErrorThenReconnects() throws InterruptedException {
        server.responder(Responder.on("GET", exchange -> exchange.reply("?not resp\r\n"), Responder.standard()));
        NodeConnection connection = open(options().build());
        CompletionStage<RespValue> get = connection.send(RawCommand.of("GET", "k"));
        RedisConnectionException failure = Awaits.failure(get, RedisConnectionException.class);
        assertInstanceOf(RespProtocolException.class, failure.getCause());

        Awaits.until(() -> listener.count("connected") == 2, () -> "the connection is re-established");
        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(connection.send(RawCommand.of("PING"))));
        assertEquals(2, server.acceptedConnections(), "the broken connection was not reused");
        assertEquals(
                List.of("connected RESP3", "disconnected", "reconnectScheduled 0", "connected RESP3"), listener.events);
    }

    @Test
    void commandsBeyondTheQueueLimitAreRejectedAtOnce() throws InterruptedException {
        server.responder(Responder.on("HELLO", exchange -> {}, Responder.standard()));
        NodeConnection connection = open(options().maxQueuedCommands(2).build());
        CompletionStage<RespValue> first = connection.send(RawCommand.of("PING"));
        CompletionStage<RespValue> second = connection.send(RawCommand.of("PING"));
        RedisConnectionException rejected =
                Awaits.failure(connection.send(RawCommand.of("PING")), RedisConnectionException.class);
        assertFalse(rejected.mayHaveExecuted());
        assertTrue(rejected.getMessage().contains("limit 2"), rejected.getMessage());
        assertFalse(first.toCompletableFuture().isDone()
                || second.toCompletableFuture().isDone());
    }

    private static NodeAddress closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new NodeAddress("127.0.0.1", socket.getLocalPort());
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

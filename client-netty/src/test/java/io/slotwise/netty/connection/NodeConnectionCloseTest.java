package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisConnectionException;
import io.slotwise.netty.testing.Responder;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class NodeConnectionCloseTest extends FakeServerTestBase {

    @Test
    void closeFailsInFlightCommandsAsMayHaveExecutedAndLaterOnesAsNotSent() throws InterruptedException {
        server.responder(Responder.on("BLPOP", exchange -> {}, Responder.standard()));
        NodeConnection connection = open(options().build());
        CompletionStage<RespValue> inFlight = connection.send(RawCommand.of("BLPOP", "queue", "0"));
        Awaits.until(() -> server.requests("BLPOP").size() == 1, () -> "BLPOP reached the server");

        Awaits.value(connection.close());
        RedisConnectionException failure = Awaits.failure(inFlight, RedisConnectionException.class);
        assertTrue(failure.mayHaveExecuted());
        assertTrue(failure.getMessage().contains("closed by the client"), failure.getMessage());

        RedisConnectionException late =
                Awaits.failure(connection.send(RawCommand.of("PING")), RedisConnectionException.class);
        assertFalse(late.mayHaveExecuted());
        Awaits.failure(connection.connect(), RedisConnectionException.class);
        Awaits.until(() -> server.openConnections() == 0, () -> "the server saw the connection close");
        assertFalse(connection.isConnected());
    }

    @Test
    void closeDuringTheHandshakeFailsQueuedCommandsAsNotSent() throws InterruptedException {
        server.responder(Responder.on("HELLO", exchange -> {}, Responder.standard()));
        NodeConnection connection = open(options().build());
        CompletionStage<RespValue> queued = connection.send(RawCommand.of("SET", "k", "v"));
        Awaits.until(() -> server.requests("HELLO").size() == 1, () -> "the handshake started");

        Awaits.value(connection.close());
        RedisConnectionException failure = Awaits.failure(queued, RedisConnectionException.class);
        assertFalse(failure.mayHaveExecuted());
        assertEquals(0, server.requests("SET").size());
        Awaits.until(() -> server.openConnections() == 0, () -> "the server saw the connection close");
    }

    @Test
    void closeWhileWaitingToReconnectStopsReconnecting() throws InterruptedException {
        NodeConnection connection = open(options()
                .reconnectBackoff(new ReconnectBackoff(java.time.Duration.ofHours(1), java.time.Duration.ofHours(1)))
                .build());
        Awaits.value(connection.connect());
        server.closeConnections();
        Awaits.until(() -> listener.count("reconnectScheduled") == 1, () -> "a reconnect is scheduled");
        CompletionStage<RespValue> queued = connection.send(RawCommand.of("PING"));
        Awaits.value(connection.close());
        assertFalse(Awaits.failure(queued, RedisConnectionException.class).mayHaveExecuted());
        assertEquals(1, server.acceptedConnections());
    }

    @Test
    void twoHundredConnectCloseCyclesLeaveNoChannelOpen() throws InterruptedException {
        for (int cycle = 0; cycle < 200; cycle++) {
            NodeConnection connection =
                    NodeConnection.create(server.address(), options().build(), resources);
            assertEquals(
                    RespValue.Bulk.of("c" + cycle), Awaits.value(connection.send(RawCommand.of("ECHO", "c" + cycle))));
            Awaits.value(connection.close());
            Awaits.value(connection.close());
        }
        assertEquals(200, server.acceptedConnections());
        Awaits.until(
                () -> server.openConnections() == 0,
                () -> "every connection is closed, " + server.openConnections() + " open");
        assertEquals(0, listener.count("disconnected"), "closing on purpose is not a disconnect");
    }
}

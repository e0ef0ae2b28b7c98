package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisConnectionException;
import io.slotwise.netty.testing.Responder;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeConnectionTrackingHandshakeTest extends FakeServerTestBase {

    @Test
    void clientTrackingIsTurnedOnAfterHelloAndBeforeReadOnly() throws InterruptedException {
        NodeConnection connection =
                open(options().clientTracking(true).readOnly(true).build());
        Awaits.value(connection.connect());
        List<List<String>> sent = server.requests().stream().map(r -> r.args()).toList();
        assertEquals(List.of(List.of("HELLO", "3"), List.of("CLIENT", "TRACKING", "on"), List.of("READONLY")), sent);
        assertEquals(3, connection.protocolVersion());
    }

    @Test
    void refusedHelloThreeFailsTheHandshakeInsteadOfFallingBackWhenTrackingIsRequired() throws InterruptedException {
        server.responder(Responder.on("HELLO", e -> e.reply("-ERR unknown command 'HELLO'\r\n"), Responder.standard()));
        NodeConnection connection = open(options().clientTracking(true).build());
        RedisConnectionException failure = Awaits.failure(connection.connect(), RedisConnectionException.class);
        assertTrue(failure.getMessage().contains("client-side caching needs RESP3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("unknown command 'HELLO'"), failure.getMessage());
        assertFalse(failure.mayHaveExecuted());
        assertEquals(List.of(), server.requests("CLIENT"));
    }

    @Test
    void refusedClientTrackingFailsTheHandshakeNamingTheCommand() throws InterruptedException {
        server.responder(
                Responder.on("CLIENT", e -> e.reply("-ERR tracking is disabled here\r\n"), Responder.standard()));
        NodeConnection connection = open(options().clientTracking(true).build());
        RedisConnectionException failure = Awaits.failure(connection.connect(), RedisConnectionException.class);
        assertTrue(failure.getMessage().contains("CLIENT TRACKING on was refused"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tracking is disabled here"), failure.getMessage());
    }

    @Test
    void trackingWithoutResp3IsRejectedWhenTheOptionsAreBuilt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConnectionOptions.builder()
                        .resp3(false)
                        .clientTracking(true)
                        .build());
        assertTrue(e.getMessage().contains("resp3"), e.getMessage());
    }
}

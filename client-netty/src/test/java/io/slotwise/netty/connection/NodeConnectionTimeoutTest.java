package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisTimeoutException;
import io.slotwise.netty.testing.Exchange;
import io.slotwise.netty.testing.Responder;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class NodeConnectionTimeoutTest extends FakeServerTestBase {

    @Test
    void timedOutCommandCompletesAndItsLateReplyDoesNotDesynchroniseTheNext() throws InterruptedException {
        CompletableFuture<Exchange> held = new CompletableFuture<>();
        server.responder(Responder.on("GET", held::complete, Responder.standard()));
        NodeConnection connection =
                open(options().commandTimeout(Duration.ofMillis(200)).build());

        CompletionStage<RespValue> slow = connection.send(RawCommand.of("GET", "secret-key"));
        RedisTimeoutException timeout = Awaits.failure(slow, RedisTimeoutException.class);
        assertTrue(timeout.mayHaveExecuted(), "the command was sent");
        String message = timeout.getMessage();
        assertTrue(
                message.contains("GET")
                        && message.contains("200 ms")
                        && message.contains(server.address().toString()),
                message);
        assertFalse(message.contains("secret-key"), "arguments never appear: " + message);

        CompletionStage<RespValue> ping = connection.send(RawCommand.of("PING"));
        Awaits.until(() -> server.requests("PING").size() == 1, () -> "the server received PING");
        Awaits.value(held).reply("$4\r\nlate\r\n");
        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(ping));
    }

    @Test
    void commandThatTimesOutBeforeItIsSentIsNeverSent() throws InterruptedException {
        server.responder(Responder.on("HELLO", exchange -> {}, Responder.standard()));
        NodeConnection connection = open(options()
                .commandTimeout(Duration.ofMillis(100))
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        RedisTimeoutException timeout =
                Awaits.failure(connection.send(RawCommand.of("INCR", "n")), RedisTimeoutException.class);
        assertFalse(timeout.mayHaveExecuted(), "it was waiting for the handshake");
        assertTrue(timeout.getMessage().contains("before it could be sent"), timeout.getMessage());
        assertEquals(0, server.requests("INCR").size());
    }
}

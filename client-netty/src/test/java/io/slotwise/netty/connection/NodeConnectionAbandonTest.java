package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisConnectionException;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class NodeConnectionAbandonTest extends FakeServerTestBase {

    private static final ReconnectBackoff ONE_MINUTE =
            new ReconnectBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1));

    @Test
    void abandoningFailsCommandsWaitingForAReconnectAsNotSent() throws InterruptedException {
        NodeConnection connection = open(
                options().reconnectBackoff(ONE_MINUTE).jitterSource(() -> 1.0).build());
        Awaits.value(connection.connect());
        server.closeConnections();
        Awaits.until(() -> listener.count("reconnectScheduled") == 1, () -> "the drop is noticed");
        CompletionStage<RespValue> waiting = connection.send(RawCommand.of("PING"));

        connection.abandonWaiting("its slots moved elsewhere");

        RedisConnectionException failure = Awaits.failure(waiting, RedisConnectionException.class);
        assertFalse(failure.mayHaveExecuted());
        assertTrue(failure.getMessage().contains("its slots moved elsewhere"), failure.getMessage());
        assertEquals(1, server.acceptedConnections(), "no reconnect was attempted early");
    }

    @Test
    void abandoningLeavesAConnectedConnectionsCommandsAlone() throws InterruptedException {
        NodeConnection connection = open(options().build());
        Awaits.value(connection.connect());
        CompletionStage<RespValue> sent = connection.send(RawCommand.of("PING"));

        connection.abandonWaiting("nothing should fail");

        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(sent));
    }
}

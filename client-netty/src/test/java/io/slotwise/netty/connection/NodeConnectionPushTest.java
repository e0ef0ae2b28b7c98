package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.netty.testing.Responder;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class NodeConnectionPushTest extends FakeServerTestBase {

    @Test
    void pushesReachTheListenerAndNeverCompleteACommand() throws InterruptedException {
        server.responder(Responder.on(
                "GET",
                exchange -> {
                    exchange.push(">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n");
                    exchange.reply("$1\r\nv\r\n");
                },
                Responder.standard()));
        List<RespValue.Push> pushes = new CopyOnWriteArrayList<>();
        NodeConnection connection =
                open(options().pushListener((node, push) -> pushes.add(push)).build());
        assertEquals(RespValue.Bulk.of("v"), Awaits.value(connection.send(RawCommand.of("GET", "k"))));
        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(connection.send(RawCommand.of("PING"))));
        assertEquals(
                List.of(new RespValue.Push(
                        "invalidate", List.of(new RespValue.Array(List.of(RespValue.Bulk.of("k")))))),
                pushes);
    }

    @Test
    void withTheDefaultListenerPushesAreDropped() throws InterruptedException {
        server.responder(Responder.on(
                "GET",
                exchange -> {
                    exchange.push(">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n");
                    exchange.reply("$1\r\nv\r\n");
                },
                Responder.standard()));
        NodeConnection connection = open(options().build());
        assertEquals(RespValue.Bulk.of("v"), Awaits.value(connection.send(RawCommand.of("GET", "k"))));
        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(connection.send(RawCommand.of("PING"))));
    }
}

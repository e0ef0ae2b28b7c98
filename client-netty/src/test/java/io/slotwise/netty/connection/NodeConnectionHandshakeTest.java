package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisAuthenticationException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisCredentials;
import io.slotwise.netty.testing.Responder;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeConnectionHandshakeTest extends FakeServerTestBase {

    private static final String PASSWORD = "pa55-w0rd";

    @Test
    void helloThreeAcceptedMeansResp3RepliesDecode() throws InterruptedException {
        server.responder(Responder.on("HGETALL", e -> e.reply("%1\r\n+field\r\n:7\r\n"), Responder.standard()));
        NodeConnection connection = open(options()
                .credentials(RedisCredentials.of("app", PASSWORD.toCharArray()))
                .clientName("worker-1")
                .build());
        RespValue reply = Awaits.value(connection.send(RawCommand.of("HGETALL", "h")));
        assertEquals(
                new RespValue.Map(
                        List.of(new RespValue.Map.Entry(new RespValue.SimpleString("field"), new RespValue.Int(7)))),
                reply);
        assertEquals(3, connection.protocolVersion());
        assertEquals(
                List.of(List.of("HELLO", "3", "AUTH", "app", PASSWORD, "SETNAME", "worker-1")),
                server.requests("HELLO"));
        assertEquals(List.of(), server.requests("AUTH"), "authenticated within HELLO");
    }

    @Test
    void helloWithoutUserAuthenticatesTheDefaultUser() throws InterruptedException {
        NodeConnection connection = open(options()
                .credentials(RedisCredentials.password(PASSWORD.toCharArray()))
                .build());
        Awaits.value(connection.connect());
        assertEquals(List.of(List.of("HELLO", "3", "AUTH", "default", PASSWORD)), server.requests("HELLO"));
    }

    @ParameterizedTest(name = "HELLO answered with -{0} falls back to RESP2")
    @ValueSource(
            strings = {
                "ERR unknown command 'HELLO'",
                "NOPROTO unsupported protocol version",
                "NOAUTH Authentication required."
            })
    void rejectedHelloFallsBackToResp2WithAuthAndSetName(String helloError) throws InterruptedException {
        server.responder(Responder.on("HELLO", e -> e.reply("-" + helloError + "\r\n"), Responder.standard()));
        NodeConnection connection = open(options()
                .credentials(RedisCredentials.password(PASSWORD.toCharArray()))
                .clientName("worker-1")
                .build());
        assertEquals(new RespValue.SimpleString("PONG"), Awaits.value(connection.send(RawCommand.of("PING"))));
        assertEquals(2, connection.protocolVersion());
        List<List<String>> sent = server.requests().stream().map(r -> r.args()).toList();
        assertEquals(
                List.of(
                        List.of("HELLO", "3", "AUTH", "default", PASSWORD, "SETNAME", "worker-1"),
                        List.of("AUTH", PASSWORD),
                        List.of("CLIENT", "SETNAME", "worker-1"),
                        List.of("PING")),
                sent);
    }

    @Test
    void resp2FallbackAuthenticatesAnAclUserWithItsName() throws InterruptedException {
        server.responder(Responder.on("HELLO", e -> e.reply("-ERR unknown command 'HELLO'\r\n"), Responder.standard()));
        NodeConnection connection = open(options()
                .credentials(RedisCredentials.of("app", PASSWORD.toCharArray()))
                .build());
        Awaits.value(connection.connect());
        assertEquals(List.of(List.of("AUTH", "app", PASSWORD)), server.requests("AUTH"));
    }

    @Test
    void wrongPasswordFailsWithAClearAuthenticationErrorWithoutSecrets() throws InterruptedException {
        server.responder(Responder.on(
                "HELLO",
                e -> e.reply("-WRONGPASS invalid username-password pair or user is disabled.\r\n"),
                Responder.standard()));
        NodeConnection connection = open(options()
                .credentials(RedisCredentials.of("app-user", PASSWORD.toCharArray()))
                .build());
        var command = connection.send(RawCommand.of("GET", "k"));
        RedisAuthenticationException failure = Awaits.failure(connection.connect(), RedisAuthenticationException.class);
        String message = failure.getMessage();
        assertTrue(message.contains(server.address().toString()) && message.contains("WRONGPASS"), message);
        assertFalse(message.contains(PASSWORD) || message.contains("app-user"), "no secret in: " + message);
        assertFalse(failure.mayHaveExecuted());

        RedisConnectionException commandFailure = Awaits.failure(command, RedisConnectionException.class);
        assertFalse(commandFailure.mayHaveExecuted());
        assertInstanceOf(RedisAuthenticationException.class, commandFailure.getCause());
        assertFalse(commandFailure.getMessage().contains(PASSWORD), commandFailure.getMessage());
    }

    @Test
    void refusedResp2AuthFailsWithAnAuthenticationError() throws InterruptedException {
        server.responder(Responder.on(
                "HELLO",
                e -> e.reply("-ERR unknown command 'HELLO'\r\n"),
                Responder.on("AUTH", e -> e.reply("-ERR invalid password\r\n"), Responder.standard())));
        NodeConnection connection = open(options()
                .credentials(RedisCredentials.password(PASSWORD.toCharArray()))
                .build());
        RedisAuthenticationException failure = Awaits.failure(connection.connect(), RedisAuthenticationException.class);
        assertTrue(failure.getMessage().contains("invalid password"), failure.getMessage());
        assertFalse(failure.getMessage().contains(PASSWORD), failure.getMessage());
    }

    @Test
    void nodeRequiringAuthenticationWithoutCredentialsFailsWithAHint() throws InterruptedException {
        server.responder(Responder.on(
                "HELLO",
                e -> e.reply("-NOAUTH HELLO must be called with the client already authenticated\r\n"),
                Responder.standard()));
        NodeConnection connection = open(options().build());
        RedisAuthenticationException failure = Awaits.failure(connection.connect(), RedisAuthenticationException.class);
        assertTrue(failure.getMessage().contains("no credentials are configured"), failure.getMessage());
    }

    @Test
    void readOnlyConnectionsSendReadonlyBeforeAnyCommand() throws InterruptedException {
        NodeConnection connection = open(options().readOnly(true).build());
        Awaits.value(connection.send(RawCommand.of("GET", "k")));
        List<String> names =
                server.requests().stream().map(r -> r.args().get(0)).toList();
        assertEquals(List.of("HELLO", "READONLY", "GET"), names);
    }

    @Test
    void refusedReadonlyFailsTheConnectionClearly() throws InterruptedException {
        server.responder(Responder.on(
                "READONLY", e -> e.reply("-ERR This instance has cluster support disabled\r\n"), Responder.standard()));
        NodeConnection connection = open(options().readOnly(true).build());
        RedisConnectionException failure = Awaits.failure(connection.connect(), RedisConnectionException.class);
        assertTrue(failure.getMessage().contains("READONLY was refused"), failure.getMessage());
    }

    @Test
    void resp2OnlyOptionSkipsHello() throws InterruptedException {
        NodeConnection connection = open(options().resp3(false).build());
        Awaits.value(connection.connect());
        assertEquals(2, connection.protocolVersion());
        assertEquals(List.of(), server.requests("HELLO"));
    }
}

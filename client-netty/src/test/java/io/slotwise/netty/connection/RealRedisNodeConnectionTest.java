package io.slotwise.netty.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.RedisAuthenticationException;
import io.slotwise.RedisCredentials;
import io.slotwise.netty.ClientResources;
import io.slotwise.netty.testing.LeakCheckExtension;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against a real redis-server, when one is installed at /usr/bin/redis-server; skipped otherwise. */
@ExtendWith(LeakCheckExtension.class)
class RealRedisNodeConnectionTest {

    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    private static final String PASSWORD = "real-redis-test-pw";

    private static Process redis;
    private static NodeAddress address;
    private static ClientResources resources;

    @BeforeAll
    static void startRedis() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(REDIS_SERVER), "redis-server is not installed");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        redis = new ProcessBuilder(
                        REDIS_SERVER.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--requirepass",
                        PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        address = new NodeAddress("127.0.0.1", port);
        awaitListening(port);
        resources = ClientResources.create(1);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (resources != null) {
            Awaits.value(resources.shutdown());
        }
        if (redis != null) {
            redis.destroy();
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void helloThreeWithAuthThenSetGetRoundTrip() throws InterruptedException {
        NodeConnection connection = NodeConnection.create(
                address,
                ConnectionOptions.builder()
                        .credentials(RedisCredentials.password(PASSWORD.toCharArray()))
                        .clientName("slotwise-test")
                        .build(),
                resources);
        try {
            assertEquals(
                    RespValue.SimpleString.OK,
                    Awaits.value(connection.send(RawCommand.of("SET", "greeting", "hello"))));
            assertEquals(RespValue.Bulk.of("hello"), Awaits.value(connection.send(RawCommand.of("GET", "greeting"))));
            assertEquals(3, connection.protocolVersion());
            RespValue name = Awaits.value(connection.send(RawCommand.of("CLIENT", "GETNAME")));
            assertEquals(RespValue.Bulk.of("slotwise-test"), name);
            RespValue wrongType = Awaits.value(connection.send(RawCommand.of("LPUSH", "greeting", "x")));
            assertEquals("WRONGTYPE", ((RespValue.Error) wrongType).code());
        } finally {
            Awaits.value(connection.close());
        }
    }

    @Test
    void wrongPasswordIsReportedAsAnAuthenticationFailure() throws InterruptedException {
        NodeConnection connection = NodeConnection.create(
                address,
                ConnectionOptions.builder()
                        .credentials(RedisCredentials.password("not-the-password".toCharArray()))
                        .build(),
                resources);
        try {
            RedisAuthenticationException failure =
                    Awaits.failure(connection.connect(), RedisAuthenticationException.class);
            assertTrue(failure.getMessage().contains("WRONGPASS"), failure.getMessage());
            assertFalse(failure.getMessage().contains("not-the-password"), failure.getMessage());
        } finally {
            Awaits.value(connection.close());
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("redis-server did not start listening on port " + port);
    }
}

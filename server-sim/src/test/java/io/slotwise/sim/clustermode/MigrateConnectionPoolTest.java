package io.slotwise.sim.clustermode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateConnectionPoolTest {
    @TempDir
    Path dir;

    private MultiThreadIoEventLoopGroup group;
    private EventLoop loop;

    @BeforeEach
    void startLoop() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterEach
    void stopLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void connectionIsReusedForTheSameTargetAndClosesWhenIdle() throws Exception {
        try (ClusterTestNode target = ClusterTestNode.start(dir)) {
            MigrateConnectionPool pool = onLoop(() -> new MigrateConnectionPool(loop, 200));
            MigrateConnection first =
                    onLoop(() -> pool.acquire("127.0.0.1", target.port(), 1000)).get(5, TimeUnit.SECONDS);
            TargetExchange pong = onLoop(() -> first.exchange(List.of(List.of(bytes("PING"))), 1000))
                    .get(5, TimeUnit.SECONDS);
            assertNull(pong.failure());
            assertEquals(List.of(TargetReply.of(TargetReply.Type.STATUS, "PONG")), pong.replies());
            MigrateConnection second =
                    onLoop(() -> pool.acquire("127.0.0.1", target.port(), 1000)).get(5, TimeUnit.SECONDS);
            assertSame(first, second);

            ClusterTestNode.await(() -> !first.isActive(), Duration.ofSeconds(5));
            ClusterTestNode.await(() -> call(pool::size) == 0, Duration.ofSeconds(5));
            MigrateConnection third =
                    onLoop(() -> pool.acquire("127.0.0.1", target.port(), 1000)).get(5, TimeUnit.SECONDS);
            assertTrue(third != first && third.isActive());
            onLoop(() -> {
                pool.close();
                return null;
            });
            ClusterTestNode.await(() -> !third.isActive(), Duration.ofSeconds(5));
        }
    }

    @Test
    void pipelinedBatchesAreAnsweredInOrder() throws Exception {
        try (ClusterTestNode target = ClusterTestNode.start(dir)) {
            MigrateConnectionPool pool = onLoop(() -> new MigrateConnectionPool(loop));
            MigrateConnection connection =
                    onLoop(() -> pool.acquire("127.0.0.1", target.port(), 1000)).get(5, TimeUnit.SECONDS);
            List<TargetExchange> results = onLoop(() -> List.of(
                            connection.exchange(List.of(List.of(bytes("ECHO"), bytes("a"))), 1000),
                            connection.exchange(
                                    List.of(List.of(bytes("ECHO"), bytes("b")), List.of(bytes("ECHO"), bytes("c"))),
                                    1000)))
                    .stream()
                    .map(future -> future.join())
                    .toList();
            assertEquals(
                    List.of(TargetReply.of(TargetReply.Type.BULK, "a")),
                    results.get(0).replies());
            assertEquals(
                    List.of(TargetReply.of(TargetReply.Type.BULK, "b"), TargetReply.of(TargetReply.Type.BULK, "c")),
                    results.get(1).replies());
            onLoop(() -> {
                pool.close();
                return null;
            });
            ClusterTestNode.await(() -> !connection.isActive(), Duration.ofSeconds(5));
        }
    }

    @Test
    void closedTargetFailsTheExchangesInFlight() throws Exception {
        ClusterTestNode target = ClusterTestNode.start(dir);
        MigrateConnectionPool pool = onLoop(() -> new MigrateConnectionPool(loop));
        try {
            MigrateConnection connection =
                    onLoop(() -> pool.acquire("127.0.0.1", target.port(), 1000)).get(5, TimeUnit.SECONDS);
            target.close();
            ClusterTestNode.await(() -> !connection.isActive(), Duration.ofSeconds(5));
            TargetExchange failed = onLoop(() -> connection.exchange(List.of(List.of(bytes("PING"))), 1000))
                    .get(5, TimeUnit.SECONDS);
            assertEquals(TargetExchange.Failure.WRITE, failed.failure());
            assertFalse(failed.timedOut());
        } finally {
            onLoop(() -> {
                pool.close();
                return null;
            });
        }
    }

    private <T> T onLoop(Callable<T> action) throws Exception {
        return loop.submit(action).get(5, TimeUnit.SECONDS);
    }

    private <T> T call(Callable<T> action) {
        try {
            return onLoop(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

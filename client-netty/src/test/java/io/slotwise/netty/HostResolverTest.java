package io.slotwise.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostResolverTest {

    private final HostResolver resolver = new HostResolver();

    @AfterEach
    void stop() {
        resolver.shutdown();
    }

    @Test
    void ipLiteralsResolveAtOnceWithoutALookup() throws Exception {
        CompletableFuture<InetSocketAddress> v4 = resolver.resolve("127.0.0.1", 7000);
        CompletableFuture<InetSocketAddress> v6 = resolver.resolve("::1", 7001);

        assertTrue(v4.isDone() && v6.isDone(), "no lookup was queued for an IP literal");
        assertEquals(new InetSocketAddress("127.0.0.1", 7000), v4.get());
        assertTrue(v6.get().getAddress().isLoopbackAddress());
        assertEquals(7001, v6.get().getPort());
    }

    @Test
    void hostNamesResolveOnTheResolverThreads() throws Exception {
        InetSocketAddress localhost = resolver.resolve("localhost", 6379).get(10, TimeUnit.SECONDS);

        assertTrue(localhost.getAddress().isLoopbackAddress(), localhost::toString);
        assertEquals(6379, localhost.getPort());
        assertFalse(localhost.isUnresolved());
    }

    @Test
    void anUnknownHostFailsItsFuture() {
        ExecutionException failure = assertThrows(
                ExecutionException.class,
                () -> resolver.resolve("no-such-node.invalid", 7000).get(30, TimeUnit.SECONDS));

        assertInstanceOf(UnknownHostException.class, failure.getCause());
    }

    @Test
    void lookupsAfterShutdownFailInsteadOfHanging() {
        resolver.shutdown();

        ExecutionException failure = assertThrows(
                ExecutionException.class, () -> resolver.resolve("localhost", 1).get(10, TimeUnit.SECONDS));

        assertInstanceOf(RejectedExecutionException.class, failure.getCause());
    }
}

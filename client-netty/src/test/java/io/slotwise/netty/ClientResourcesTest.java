package io.slotwise.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClientResourcesTest {

    @Test
    void shutdownCompletesOnlyWhenEveryOwnedThreadHasTerminated() throws Exception {
        ClientResources resources = ClientResources.create(2);
        Set<Thread> threads = threadsOf(resources.eventLoopGroup());
        assertEquals(2, threads.size());
        assertTrue(threads.stream().allMatch(t -> t.getName().startsWith("slotwise-io") && t.isDaemon()));

        resources.shutdown().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(resources.eventLoopGroup().isTerminated());
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(thread.isAlive(), thread.getName());
        }
    }

    @Test
    void shutdownLeavesABorrowedGroupRunning() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ClientResources resources = ClientResources.borrowing(group);
            assertFalse(resources.ownsEventLoopGroup());
            resources.shutdown().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertFalse(group.isShuttingDown());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void zeroThreadsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClientResources.create(0));
    }

    /** Finds the threads behind a group by running a task on each of its event loops. */
    private static Set<Thread> threadsOf(EventLoopGroup group) throws Exception {
        Set<Thread> threads = new HashSet<>();
        for (EventExecutor executor : group) {
            threads.add(executor.submit(Thread::currentThread).get(10, TimeUnit.SECONDS));
        }
        return threads;
    }
}

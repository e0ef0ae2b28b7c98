package io.slotwise.sim.data.stream;

import static org.junit.jupiter.api.Assertions.fail;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import io.slotwise.sim.data.BlockedClients;
import io.slotwise.sim.keyspace.Keyspace;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A standalone node on an ephemeral loopback port whose keyspace runs on a clock the test sets. */
final class StreamTestNode implements AutoCloseable {
    private static final long AWAIT_SECONDS = 10;

    private final SimNode node;
    private final BlockedClients blocked;
    private final AtomicLong clock;

    private StreamTestNode(SimNode node, BlockedClients blocked, AtomicLong clock) {
        this.node = node;
        this.blocked = blocked;
        this.clock = clock;
    }

    /** Starts a node whose clock reads {@code startMillis}. */
    static StreamTestNode start(long startMillis) {
        AtomicLong clock = new AtomicLong(startMillis);
        AtomicReference<BlockedClients> blocked = new AtomicReference<>();
        SimNode node = SimNode.builder(SimNodeConfig.defaults().with("port", "0"))
                .keyspace(new Keyspace(clock::get, new SplittableRandom(1)))
                .module(setup ->
                        blocked.set(setup.node().service(BlockedClients.class).orElseThrow()))
                .start();
        return new StreamTestNode(node, blocked.get(), clock);
    }

    /** Sets the keyspace clock. */
    void setClock(long millis) {
        clock.set(millis);
    }

    /** Moves the keyspace clock forward. */
    void advanceClock(long millis) {
        clock.addAndGet(millis);
    }

    /** Connects a client speaking the given protocol (2 or 3). */
    RespClient connect(int protocol) {
        RespClient client = RespClient.connect(node.port());
        if (protocol == 3) {
            client.call("HELLO", "3");
        }
        return client;
    }

    /** Waits until exactly {@code expected} clients are blocked (ten seconds at most). */
    void awaitBlockedClients(int expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        int count;
        do {
            count = blockedCount();
            if (count == expected) {
                return;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        fail("expected " + expected + " blocked clients but " + count + " are blocked");
    }

    private int blockedCount() {
        try {
            return node.eventLoop().submit(blocked::blockedClientCount).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        node.close();
    }
}

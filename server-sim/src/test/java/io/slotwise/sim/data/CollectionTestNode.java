package io.slotwise.sim.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * A standalone node on an ephemeral loopback port for the tests of the collection families, with access to its
 * {@link BlockedClients} and helpers to connect in RESP2 or RESP3 and to read array replies.
 */
final class CollectionTestNode implements AutoCloseable {
    private static final long AWAIT_SECONDS = 10;

    private final SimNode node;
    private final BlockedClients blocked;

    private CollectionTestNode(SimNode node, BlockedClients blocked) {
        this.node = node;
        this.blocked = blocked;
    }

    /** Starts a node. */
    static CollectionTestNode start() {
        AtomicReference<BlockedClients> blocked = new AtomicReference<>();
        SimNode node = SimNode.builder(SimNodeConfig.defaults().with("port", "0"))
                .module(setup ->
                        blocked.set(setup.node().service(BlockedClients.class).orElseThrow()))
                .start();
        return new CollectionTestNode(node, blocked.get());
    }

    /** Connects a client speaking the given protocol (2 or 3). */
    RespClient connect(int protocol) {
        RespClient client = RespClient.connect(node.port());
        if (protocol == 3) {
            client.call("HELLO", "3");
        }
        return client;
    }

    /** Returns how many clients are blocked, read on the node's event loop. */
    int blockedClients() {
        return onLoop(blocked::blockedClientCount);
    }

    /** Returns on how many keys clients are blocked, read on the node's event loop. */
    int blockedKeys() {
        return onLoop(blocked::blockedKeyCount);
    }

    /** Waits until the number of blocked clients satisfies the condition (ten seconds at most). */
    void awaitBlockedClients(IntPredicate condition, String description) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        int count;
        do {
            count = blockedClients();
            if (condition.test(count)) {
                return;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        fail("expected " + description + " but " + count + " clients are blocked");
    }

    /** Waits until exactly {@code expected} clients are blocked. */
    void awaitBlockedClients(int expected) {
        awaitBlockedClients(count -> count == expected, expected + " blocked clients");
    }

    /** Applies a function to the node's blocked clients on its event loop. */
    <T> T onBlockedClients(Function<BlockedClients, T> function) {
        return onLoop(() -> function.apply(blocked));
    }

    /** Runs a query on the node's event loop. */
    <T> T onLoop(Callable<T> query) {
        try {
            return node.eventLoop().submit(query).get(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the texts of the bulk strings of a flat array or set reply's wire text (RESP2 {@code *} or RESP3 {@code
     * ~}), in order.
     */
    static List<String> bulkStrings(String reply) {
        String[] lines = reply.split("\r\n", -1);
        if (lines[0].charAt(0) != '*' && lines[0].charAt(0) != '~') {
            throw new IllegalArgumentException("not an array: " + reply);
        }
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i += 2) {
            if (lines[i].charAt(0) != '$') {
                throw new IllegalArgumentException("not a bulk string at line " + i + ": " + reply);
            }
            texts.add(lines[i + 1]);
        }
        assertEquals(Integer.parseInt(lines[0].substring(1)), texts.size(), "element count of " + reply);
        return texts;
    }

    @Override
    public void close() {
        node.close();
    }
}

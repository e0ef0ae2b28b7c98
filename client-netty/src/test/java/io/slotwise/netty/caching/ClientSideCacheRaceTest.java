package io.slotwise.netty.caching;

import static io.slotwise.netty.caching.ClientSideCacheTest.NODE_A;
import static io.slotwise.netty.caching.ClientSideCacheTest.NODE_B;
import static io.slotwise.netty.caching.ClientSideCacheTest.bytes;
import static io.slotwise.netty.caching.ClientSideCacheTest.get;
import static io.slotwise.netty.caching.ClientSideCacheTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.resp.RespValue;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The race between a read's reply and an invalidation: a read of key {@code k} from node A (slot 1) is registered, then
 * its reply is inserted and an invalidation is processed, in either order. Whatever the order, once an invalidation
 * that covers the read has been processed the reply is gone; one that does not cover it leaves the reply in place.
 */
class ClientSideCacheRaceTest {

    private static final String SLOT_1 = "slot 1";

    enum Order {
        INSERT_THEN_INVALIDATE,
        INVALIDATE_THEN_INSERT
    }

    static Stream<Arguments> interleavings() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] invalidations = {
            {"invalidate k", (Consumer<ClientSideCache>) c -> c.invalidate(List.of(bytes("k"))), false},
            {"invalidate other key", (Consumer<ClientSideCache>) c -> c.invalidate(List.of(bytes("x"))), true},
            {"flush node A", (Consumer<ClientSideCache>) c -> c.flushNode(NODE_A), false},
            {"flush node B", (Consumer<ClientSideCache>) c -> c.flushNode(NODE_B), true},
            {"flush " + SLOT_1, (Consumer<ClientSideCache>) c -> c.flushSlots(slots(1)), false},
            {"flush slot 2", (Consumer<ClientSideCache>) c -> c.flushSlots(slots(2)), true},
            {"flush all", (Consumer<ClientSideCache>) ClientSideCache::flushAll, false},
        };
        for (Object[] invalidation : invalidations) {
            for (Order order : Order.values()) {
                cases.add(Arguments.of(invalidation[0], order, invalidation[1], invalidation[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}: reply kept = {3}")
    @MethodSource("interleavings")
    void anInvalidationCoveringAReadRemovesItsReplyWhicheverIsProcessedFirst(
            String what, Order order, Consumer<ClientSideCache> invalidation, boolean replyKept) {
        CountingEvents events = new CountingEvents();
        ClientSideCache cache = new ClientSideCache(10, 0, System::nanoTime, events);
        ClientSideCache.PendingRead read = cache.beginRead(get("k"), new KeyBytes(bytes("k")), 1, NODE_A);

        if (order == Order.INSERT_THEN_INVALIDATE) {
            cache.completeRead(read, value("v"));
            invalidation.accept(cache);
        } else {
            invalidation.accept(cache);
            cache.completeRead(read, value("v"));
        }

        RespValue expected = replyKept ? value("v") : null;
        assertEquals(expected, cache.lookup(get("k")), what);
        assertEquals(0, cache.pendingReads());
    }

    private static BitSet slots(int slot) {
        BitSet slots = new BitSet();
        slots.set(slot);
        return slots;
    }
}

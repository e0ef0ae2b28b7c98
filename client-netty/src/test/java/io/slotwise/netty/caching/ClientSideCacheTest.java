package io.slotwise.netty.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientSideCacheTest {

    static final NodeAddress NODE_A = new NodeAddress("127.0.0.1", 7000);
    static final NodeAddress NODE_B = new NodeAddress("127.0.0.1", 7001);

    private final AtomicLong now = new AtomicLong(1_000);
    private final CountingEvents events = new CountingEvents();

    private ClientSideCache cache(int maxEntries, long maxAgeNanos) {
        return new ClientSideCache(maxEntries, maxAgeNanos, now::get, events);
    }

    static CacheKey get(String key) {
        return new CacheKey(List.of(bytes("GET"), bytes(key)));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static RespValue value(String text) {
        return RespValue.Bulk.of(text);
    }

    /** A complete read: registered, answered and inserted. */
    static boolean read(
            ClientSideCache cache, CacheKey cacheKey, String key, int slot, NodeAddress node, String reply) {
        ClientSideCache.PendingRead read = cache.beginRead(cacheKey, new KeyBytes(bytes(key)), slot, node);
        return cache.completeRead(read, value(reply));
    }

    @Test
    void aCompletedReadIsServedUntilItsKeyIsInvalidated() {
        ClientSideCache cache = cache(10, 0);
        assertNull(cache.lookup(get("k")));
        assertTrue(read(cache, get("k"), "k", 1, NODE_A, "v1"));
        assertEquals(value("v1"), cache.lookup(get("k")));

        cache.invalidate(List.of(bytes("k")));

        assertNull(cache.lookup(get("k")));
        assertEquals(1, events.invalidated.get());
    }

    @Test
    void invalidatingAKeyRemovesEveryCommandThatReadItAndNothingElse() {
        ClientSideCache cache = cache(10, 0);
        CacheKey strlen = new CacheKey(List.of(bytes("STRLEN"), bytes("k")));
        read(cache, get("k"), "k", 1, NODE_A, "v");
        read(cache, strlen, "k", 1, NODE_B, "1");
        read(cache, get("other"), "other", 1, NODE_A, "o");

        cache.invalidate(List.of(bytes("k"), bytes("never-read")));

        assertNull(cache.lookup(get("k")));
        assertNull(cache.lookup(strlen));
        assertEquals(value("o"), cache.lookup(get("other")));
        assertEquals(2, events.invalidated.get());
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvictedBeyondTheLimit() {
        ClientSideCache cache = cache(2, 0);
        read(cache, get("a"), "a", 1, NODE_A, "A");
        read(cache, get("b"), "b", 2, NODE_A, "B");
        assertEquals(value("A"), cache.lookup(get("a"))); // b is now the least recently used

        read(cache, get("c"), "c", 3, NODE_A, "C");

        assertEquals(2, cache.size());
        assertNull(cache.lookup(get("b")));
        assertEquals(value("A"), cache.lookup(get("a")));
        assertEquals(value("C"), cache.lookup(get("c")));
        assertEquals(1, events.evicted.get());
        cache.invalidate(List.of(bytes("b")));
        assertEquals(0, events.invalidated.get(), "the evicted entry left the key index too");
    }

    @Test
    void aReplyOlderThanTheMaximumAgeIsNotServed() {
        ClientSideCache cache = cache(10, 500);
        read(cache, get("k"), "k", 1, NODE_A, "v");
        now.addAndGet(500);
        assertEquals(value("v"), cache.lookup(get("k")));
        now.addAndGet(1);
        assertNull(cache.lookup(get("k")));
        assertEquals(0, cache.size());
        assertEquals(1, events.evicted.get());
    }

    @Test
    void rereadingAKeyReplacesItsReply() {
        ClientSideCache cache = cache(10, 0);
        read(cache, get("k"), "k", 1, NODE_A, "old");
        read(cache, get("k"), "k", 1, NODE_A, "new");
        assertEquals(value("new"), cache.lookup(get("k")));
        assertEquals(1, cache.size());
        cache.invalidate(List.of(bytes("k")));
        assertEquals(0, cache.size());
    }

    @Test
    void flushingANodeRemovesOnlyWhatThatNodeSent() {
        ClientSideCache cache = cache(10, 0);
        read(cache, get("a"), "a", 1, NODE_A, "A");
        read(cache, get("b"), "b", 2, NODE_B, "B");

        cache.flushNode(NODE_A);

        assertNull(cache.lookup(get("a")));
        assertEquals(value("B"), cache.lookup(get("b")));
    }

    @Test
    void flushingSlotsRemovesTheirEntriesOnly() {
        ClientSideCache cache = cache(10, 0);
        read(cache, get("a"), "a", 1, NODE_A, "A");
        read(cache, get("b"), "b", 2, NODE_A, "B");
        BitSet slots = new BitSet();
        slots.set(2);

        cache.flushSlots(slots);

        assertEquals(value("A"), cache.lookup(get("a")));
        assertNull(cache.lookup(get("b")));
    }

    @Test
    void endedReadsLeaveNothingBehind() {
        ClientSideCache cache = cache(10, 0);
        ClientSideCache.PendingRead failed = cache.beginRead(get("k"), new KeyBytes(bytes("k")), 1, NODE_A);
        ClientSideCache.PendingRead answered = cache.beginRead(get("k"), new KeyBytes(bytes("k")), 1, NODE_A);
        assertEquals(2, cache.pendingReads());
        cache.abandonRead(failed);
        assertTrue(cache.completeRead(answered, value("v")));
        assertFalse(cache.completeRead(answered, value("again")), "a read ends once");
        assertEquals(0, cache.pendingReads());
        assertEquals(value("v"), cache.lookup(get("k")));
        cache.flushAll();
        assertEquals(0, cache.size());
    }

    @Test
    void concurrentInvalidationsNeverLeaveAnInvalidatedReplyBehind() throws InterruptedException {
        ClientSideCache cache = cache(1_000, 0);
        int rounds = 2_000;
        List<ClientSideCache.PendingRead> reads = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            reads.add(cache.beginRead(get("k" + i), new KeyBytes(bytes("k" + i)), 1, NODE_A));
        }
        Thread completer = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                cache.completeRead(reads.get(i), value("v" + i));
            }
        });
        Thread invalidator = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                cache.invalidate(List.of(bytes("k" + i)));
            }
        });
        completer.start();
        invalidator.start();
        completer.join();
        invalidator.join();
        assertEquals(0, cache.size(), "every key was invalidated after its read began");
        assertEquals(0, cache.pendingReads());
    }
}

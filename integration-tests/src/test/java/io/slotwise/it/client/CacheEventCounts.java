package io.slotwise.it.client;

import io.slotwise.event.ClientEventListener;
import io.slotwise.topology.NodeAddress;
import java.util.concurrent.atomic.AtomicLong;

/** Counts a client's client-side cache events and lost connections, for tests that await them. */
final class CacheEventCounts implements ClientEventListener {

    final AtomicLong hits = new AtomicLong();
    final AtomicLong misses = new AtomicLong();
    final AtomicLong invalidated = new AtomicLong();
    final AtomicLong disconnects = new AtomicLong();

    @Override
    public void cacheHit(String command) {
        hits.incrementAndGet();
    }

    @Override
    public void cacheMiss(String command) {
        misses.incrementAndGet();
    }

    @Override
    public void cacheInvalidated(int entries) {
        invalidated.addAndGet(entries);
    }

    @Override
    public void disconnected(NodeAddress node, Throwable cause) {
        disconnects.incrementAndGet();
    }

    @Override
    public String toString() {
        return "cache events: hits=" + hits + ", misses=" + misses + ", invalidated=" + invalidated + ", disconnects="
                + disconnects;
    }
}

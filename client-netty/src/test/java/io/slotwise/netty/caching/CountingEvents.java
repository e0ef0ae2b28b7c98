package io.slotwise.netty.caching;

import io.slotwise.event.ClientEventListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the cache events a test's cache reports. */
final class CountingEvents implements ClientEventListener {

    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger misses = new AtomicInteger();
    final AtomicInteger evicted = new AtomicInteger();
    final AtomicInteger invalidated = new AtomicInteger();

    @Override
    public void cacheHit(String command) {
        hits.incrementAndGet();
    }

    @Override
    public void cacheMiss(String command) {
        misses.incrementAndGet();
    }

    @Override
    public void cacheEvicted(int entries) {
        evicted.addAndGet(entries);
    }

    @Override
    public void cacheInvalidated(int entries) {
        invalidated.addAndGet(entries);
    }
}

package io.slotwise.netty.caching;

import io.slotwise.event.ClientEventListener;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The bounded store of cached replies and its invalidation rules; no I/O, so every interleaving can be tested without
 * sockets.
 *
 * <p><b>Entries.</b> One reply per {@link CacheKey} (a command's arguments), remembering the key it read, the slot of
 * that key and the node that sent it. At most {@code maxEntries} are kept; inserting beyond that evicts the least
 * recently used (insertion or hit). With a {@code maxAge}, a reply older than that is evicted when next looked up.
 *
 * <p><b>Invalidation.</b> A key's invalidation removes every entry that read it, from any node; a node's flush (an
 * {@code invalidate} push without keys, a lost connection) removes the entries that node sent; a slot's flush (the slot
 * changed owner or replicas) removes the entries of its keys.
 *
 * <p><b>The race guarantee: a reply never re-enters the cache after the server invalidated its key.</b> A read is
 * registered with {@link #beginRead} before its command is written; the registration is a {@link PendingRead}. Every
 * invalidation, node flush and slot flush marks the matching pending reads stale, under the same lock that inserts.
 * {@link #completeRead} inserts only a reply whose pending read is not stale. Why that suffices: a node sends the reply
 * to a read, and afterwards, on the same connection, an {@code invalidate} for every later change of that key (RESP3
 * pushes share the reply stream and Redis writes them in execution order). The invalidation is processed on the
 * connection's event loop when it arrives, which is after the reply was decoded but possibly before the code that
 * inserts the reply runs (the insertion may run in a continuation on another thread). Either the insertion comes first,
 * and the invalidation then removes the entry, or the invalidation comes first, and it marks the pending read stale, so
 * the insertion is skipped. An invalidation that arrives before the reply (for an earlier change) also marks it stale:
 * that costs one missed insertion, never correctness. A lost connection flushes its node, which marks every read
 * pending on it stale as well, since the pushes that would have invalidated it are gone.
 *
 * <p><b>Threading.</b> Thread-safe: one lock guards the store; events go to the listener after the lock is released.
 */
final class ClientSideCache {

    private final int maxEntries;
    private final long maxAgeNanos;
    private final NanoClock clock;
    private final ClientEventListener events;
    private final LinkedHashMap<CacheKey, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<KeyBytes, List<CacheKey>> entriesByKey = new HashMap<>();
    private final Map<KeyBytes, List<PendingRead>> pendingByKey = new HashMap<>();

    /** The time source, for tests of the age limit. */
    @FunctionalInterface
    interface NanoClock {
        /** Like {@link System#nanoTime()}. */
        long nanoTime();
    }

    /**
     * Creates an empty cache.
     *
     * @param maxEntries at least 1
     * @param maxAgeNanos the longest a reply is served, 0 for no limit
     * @param clock the time source
     * @param events told of evictions and invalidations (never hits and misses: {@link CachingReads} reports those)
     */
    ClientSideCache(int maxEntries, long maxAgeNanos, NanoClock clock, ClientEventListener events) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
        this.events = events;
    }

    /** A cached reply and where it came from. */
    private record Entry(CacheKey key, KeyBytes redisKey, int slot, NodeAddress node, RespValue reply, long storedAt) {}

    /** A read registered before its command was written; stale once something invalidated what it will read. */
    static final class PendingRead {
        private final CacheKey key;
        private final KeyBytes redisKey;
        private final int slot;
        private final NodeAddress node;
        private boolean stale;
        private boolean done;

        private PendingRead(CacheKey key, KeyBytes redisKey, int slot, NodeAddress node) {
            this.key = key;
            this.redisKey = redisKey;
            this.slot = slot;
            this.node = node;
        }
    }

    /**
     * Returns the cached reply to a command, if there is one young enough, and marks it recently used.
     *
     * @return the reply, or {@code null}
     */
    RespValue lookup(CacheKey key) {
        boolean expired;
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            expired = maxAgeNanos > 0 && clock.nanoTime() - entry.storedAt() > maxAgeNanos;
            if (!expired) {
                return entry.reply();
            }
            remove(entry);
        }
        events.cacheEvicted(1);
        return null;
    }

    /**
     * Registers a read about to be written to {@code node}; call before the command can reach the socket, and end it
     * with exactly one {@link #completeRead} or {@link #abandonRead}.
     */
    synchronized PendingRead beginRead(CacheKey key, KeyBytes redisKey, int slot, NodeAddress node) {
        PendingRead read = new PendingRead(key, redisKey, slot, node);
        pendingByKey.computeIfAbsent(redisKey, k -> new ArrayList<>(1)).add(read);
        return read;
    }

    /**
     * Ends a read with its reply: inserts the reply unless the read became stale meanwhile (see the class comment),
     * evicting the least recently used entries beyond the limit.
     *
     * @return whether the reply was inserted
     */
    boolean completeRead(PendingRead read, RespValue reply) {
        int evicted = 0;
        synchronized (this) {
            if (!finish(read) || read.stale) {
                return false;
            }
            Entry previous = entries.get(read.key);
            if (previous != null) {
                remove(previous);
            }
            Entry entry = new Entry(read.key, read.redisKey, read.slot, read.node, reply, clock.nanoTime());
            entries.put(read.key, entry);
            entriesByKey.computeIfAbsent(read.redisKey, k -> new ArrayList<>(1)).add(read.key);
            Iterator<Entry> eldest = entries.values().iterator();
            while (entries.size() > maxEntries) {
                Entry victim = eldest.next();
                eldest.remove();
                unindex(victim);
                evicted++;
            }
        }
        if (evicted > 0) {
            events.cacheEvicted(evicted);
        }
        return true;
    }

    /** Ends a read that got no cacheable reply (a failure, an error reply, a redirect). */
    synchronized void abandonRead(PendingRead read) {
        finish(read);
    }

    /** Removes every entry that read one of these keys, and makes reads of them in progress stale. */
    void invalidate(List<byte[]> keys) {
        int removed = 0;
        synchronized (this) {
            for (byte[] key : keys) {
                KeyBytes redisKey = new KeyBytes(key);
                List<PendingRead> pending = pendingByKey.get(redisKey);
                if (pending != null) {
                    pending.forEach(read -> read.stale = true);
                }
                List<CacheKey> cached = entriesByKey.remove(redisKey);
                if (cached != null) {
                    for (CacheKey cacheKey : cached) {
                        removed += entries.remove(cacheKey) != null ? 1 : 0;
                    }
                }
            }
        }
        reportInvalidated(removed);
    }

    /** Removes every entry {@code node} sent, and makes reads in progress on it stale. */
    void flushNode(NodeAddress node) {
        removeWhere(read -> read.node.equals(node), entry -> entry.node().equals(node));
    }

    /** Removes every entry of these slots, and makes reads of them in progress stale. */
    void flushSlots(BitSet slots) {
        removeWhere(read -> slots.get(read.slot), entry -> slots.get(entry.slot()));
    }

    /** Removes every entry, and makes every read in progress stale. */
    void flushAll() {
        removeWhere(read -> true, entry -> true);
    }

    /** The number of cached replies. */
    synchronized int size() {
        return entries.size();
    }

    /** The number of reads begun and not yet ended, for leak checks in tests. */
    synchronized int pendingReads() {
        int count = 0;
        for (List<PendingRead> reads : pendingByKey.values()) {
            count += reads.size();
        }
        return count;
    }

    private void removeWhere(Predicate<PendingRead> staleIf, Predicate<Entry> removeIf) {
        int removed = 0;
        synchronized (this) {
            for (List<PendingRead> reads : pendingByKey.values()) {
                for (PendingRead read : reads) {
                    read.stale |= staleIf.test(read);
                }
            }
            Iterator<Entry> all = entries.values().iterator();
            while (all.hasNext()) {
                Entry entry = all.next();
                if (removeIf.test(entry)) {
                    all.remove();
                    unindex(entry);
                    removed++;
                }
            }
        }
        reportInvalidated(removed);
    }

    /** Unregisters a read; returns false if it had already ended. */
    private boolean finish(PendingRead read) {
        if (read.done) {
            return false;
        }
        read.done = true;
        List<PendingRead> reads = pendingByKey.get(read.redisKey);
        if (reads != null) {
            reads.remove(read);
            if (reads.isEmpty()) {
                pendingByKey.remove(read.redisKey);
            }
        }
        return true;
    }

    private void remove(Entry entry) {
        entries.remove(entry.key());
        unindex(entry);
    }

    private void unindex(Entry entry) {
        List<CacheKey> keys = entriesByKey.get(entry.redisKey());
        if (keys != null) {
            keys.remove(entry.key());
            if (keys.isEmpty()) {
                entriesByKey.remove(entry.redisKey());
            }
        }
    }

    private void reportInvalidated(int removed) {
        if (removed > 0) {
            events.cacheInvalidated(removed);
        }
    }
}

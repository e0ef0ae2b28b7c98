package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotwise.RedisCommandException;
import io.slotwise.reactive.ReactiveRedisCluster;
import io.slotwise.sync.SyncRedisCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The blocking and reactive flavours over a real cluster: {@link SyncRedisCluster} and {@link ReactiveRedisCluster}
 * wrap the async client, so a key in any slot, split multi-key commands, missing keys and server errors behave there
 * as in the async API.
 */
public abstract class FlavoursBehaviour {

    private static final int KEYS = 30;
    private static final Duration BLOCK_LIMIT = Duration.ofSeconds(30);

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected FlavoursBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void syncFacadeReadsAndWritesKeysOfEverySlotRangeAndRethrowsServerErrors() {
        List<String> keys = KeyPerSlot.matching("sync:", KEYS, slot -> true);
        try (ObservedClient observed = ObservedClient.connect(backend)) {
            SyncRedisCluster<String, String> sync = SyncRedisCluster.of(observed.commands());
            for (String key : keys) {
                assertEquals("OK", sync.call(c -> c.set(key, "sync value of " + key)));
                assertEquals("sync value of " + key, sync.call(c -> c.get(key)));
            }
            List<String> withMissing = new ArrayList<>(keys);
            withMissing.add("sync:missing");
            List<String> expected = new ArrayList<>(
                    keys.stream().map(key -> "sync value of " + key).toList());
            expected.add(null);
            assertEquals(expected, sync.call(c -> c.mget(withMissing)));
            assertNull(sync.call(c -> c.get("sync:missing")));

            RedisCommandException error =
                    assertThrows(RedisCommandException.class, () -> sync.call(c -> c.incr(keys.get(0))));
            assertEquals("ERR", error.code());
            assertEquals("INCR", error.command());

            long deleted = sync.call(c -> c.del(keys));
            assertEquals(keys.size(), deleted);
        }
    }

    @Test
    void reactiveFacadeIsLazyAndReadsAndWritesKeysOfEverySlotRange() {
        List<String> keys = KeyPerSlot.matching("reactive:", KEYS, slot -> true);
        try (ObservedClient observed = ObservedClient.connect(backend)) {
            ReactiveRedisCluster<String, String> reactive = ReactiveRedisCluster.of(observed.commands());
            Mono<String> lazyWrite = reactive.mono(c -> c.set(keys.get(0), "written on subscription"));
            assertNull(reactive.mono(c -> c.get(keys.get(0))).block(BLOCK_LIMIT), "nothing sent before subscribing");
            assertEquals("OK", lazyWrite.block(BLOCK_LIMIT));
            assertEquals(
                    "written on subscription",
                    reactive.mono(c -> c.get(keys.get(0))).block(BLOCK_LIMIT));

            for (String key : keys) {
                assertEquals(
                        "OK",
                        reactive.mono(c -> c.set(key, "reactive value of " + key))
                                .block(BLOCK_LIMIT));
            }
            List<String> values =
                    reactive.<String>flux(c -> c.mget(keys)).collectList().block(BLOCK_LIMIT);
            assertEquals(keys.stream().map(key -> "reactive value of " + key).toList(), values);

            AtomicReference<Throwable> signalled = new AtomicReference<>();
            reactive.mono(c -> c.incr(keys.get(0)))
                    .doOnError(signalled::set)
                    .onErrorResume(error -> Mono.empty())
                    .block(BLOCK_LIMIT);
            RedisCommandException error = (RedisCommandException) signalled.get();
            assertEquals("ERR", error.code());
            assertSame(RedisCommandException.class, error.getClass());

            long deleted = reactive.mono(c -> c.del(keys)).block(BLOCK_LIMIT);
            assertEquals(keys.size(), deleted);
        }
    }
}

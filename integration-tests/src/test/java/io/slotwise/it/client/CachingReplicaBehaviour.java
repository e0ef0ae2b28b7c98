package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.ClientSideCacheOptions;
import io.slotwise.ReadFrom;
import io.slotwise.api.AsyncCommands;
import io.slotwise.routing.SlotHash;
import io.slotwise.topology.ClusterNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Client-side caching with reads from replicas: the replica connection tracks the keys read on it, so a write on the
 * primary reaches the cache as the replica's invalidation once the replica applied it.
 */
public abstract class CachingReplicaBehaviour {

    private static final Duration AWAIT = Duration.ofSeconds(20);

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}, which needs a replica per primary. */
    protected CachingReplicaBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @Test
    void aReplicaReadIsCachedAndInvalidatedWhenTheReplicaAppliesAPrimaryWrite() {
        CacheEventCounts counts = new CacheEventCounts();
        String key = KeyPerSlot.matching("cache-replica:", 1, slot -> true).get(0);
        BackendNode primary = backend.slotOwner(SlotHash.slot(key));
        backend.call(primary, "SET", key, "v1");
        assertEquals(1, backend.call(primary, "WAIT", 1, 0).integer(), "the replica has v1");
        try (ObservedClient observed = ObservedClient.connect(
                backend,
                builder -> builder.readFrom(ReadFrom.REPLICA)
                        .topologyRefreshPeriod(Duration.ofMillis(200))
                        .clientSideCache(ClientSideCacheOptions.defaults())
                        .eventListener(counts))) {
            AsyncCommands<String, String> commands = observed.commands();
            int slot = SlotHash.slot(key);
            Await.until(
                    "the client sees a healthy replica of the key's shard",
                    AWAIT,
                    () -> observed.client().topology().shardForSlot(slot).replicas().stream()
                            .anyMatch(ClusterNode::healthy),
                    () -> observed.client().topology().toString());
            assertEquals("v1", Calls.value(commands.get(key)));
            assertEquals("v1", Calls.value(commands.get(key)));
            assertEquals(1, counts.hits.get(), counts::toString);

            backend.call(primary, "SET", key, "v2");
            assertEquals(1, backend.call(primary, "WAIT", 1, 0).integer(), "the replica has v2");

            Await.until(
                    "the replica's invalidation arrived", AWAIT, () -> counts.invalidated.get() >= 1, counts::toString);
            assertEquals("v2", Calls.value(commands.get(key)));
        }
    }
}

package io.slotwise.netty.caching;

import static io.slotwise.netty.caching.ClientSideCacheTest.NODE_A;
import static io.slotwise.netty.caching.ClientSideCacheTest.NODE_B;
import static io.slotwise.netty.caching.ClientSideCacheTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slotwise.ClientSideCacheOptions;
import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SlotHash;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CachingReadsTest {

    private final CountingEvents events = new CountingEvents();
    private final ClientSideCache store = new ClientSideCache(100, 0, System::nanoTime, events);
    private final CachingReads reads = new CachingReads(store, Set.of("GET", "EXISTS"), events);

    private static Command<RespValue> command(String name, String... keys) {
        return Command.builder(name)
                .keys(List.of(keys).stream().map(ClientSideCacheTest::bytes).toList())
                .build();
    }

    /** Caches {@code reply} for {@code command} as a reply from {@code node}. */
    private void cache(Command<RespValue> command, NodeAddress node, String reply) {
        byte[] key = command.arguments().get(command.keyIndexes()[0]);
        ClientSideCache.PendingRead read = store.beginRead(
                new CacheKey(command.arguments()),
                new KeyBytes(key),
                command.slot().orElseThrow(),
                node);
        store.completeRead(read, value(reply));
    }

    private static RespValue.Push invalidate(RespValue keys) {
        return new RespValue.Push("invalidate", List.of(keys));
    }

    @Test
    void aCachedReplyIsAHitAndAnUncachedOneAMiss() {
        Command<RespValue> get = command("GET", "k");
        assertNull(reads.cached(get));
        cache(get, NODE_A, "v");
        assertEquals(value("v"), reads.cached(command("GET", "k")));
        assertEquals(1, events.hits.get());
        assertEquals(1, events.misses.get());
    }

    @Test
    void commandNamesMatchInAnyCase() {
        Command<RespValue> get = command("get", "k");
        assertNull(reads.cached(get));
        cache(get, NODE_A, "v");
        assertEquals(value("v"), reads.cached(command("get", "k")), "a lower-case GET is cached");

        reads.written(Command.builder("flushall").build());

        assertNull(reads.cached(command("get", "k")), "a lower-case FLUSHALL flushes at once");
    }

    @Test
    void commandsOutsideTheListOrOnSeveralKeysAreNeverLookedUp() {
        assertNull(reads.cached(command("STRLEN", "k")), "not configured");
        assertNull(reads.cached(command("EXISTS", "{t}a", "{t}b")), "two keys");
        assertNull(reads.cached(Command.builder("PING").build()), "no key");
        assertEquals(0, events.misses.get() + events.hits.get(), "not counted as misses either");
    }

    @Test
    void anInvalidatePushWithKeysRemovesThem() {
        cache(command("GET", "a"), NODE_A, "A");
        cache(command("GET", "b"), NODE_A, "B");
        reads.pushListener().onPush(NODE_A, invalidate(new RespValue.Array(List.of(RespValue.Bulk.of("a")))));
        assertNull(reads.cached(command("GET", "a")));
        assertEquals(value("B"), reads.cached(command("GET", "b")));
    }

    @Test
    void anInvalidatePushWithoutKeysFlushesWhatItsNodeSent() {
        cache(command("GET", "a"), NODE_A, "A");
        cache(command("GET", "b"), NODE_B, "B");
        reads.pushListener().onPush(NODE_A, invalidate(RespValue.Null.INSTANCE));
        assertNull(reads.cached(command("GET", "a")));
        assertEquals(value("B"), reads.cached(command("GET", "b")));
    }

    @Test
    void otherPushesChangeNothing() {
        cache(command("GET", "a"), NODE_A, "A");
        reads.pushListener().onPush(NODE_A, new RespValue.Push("message", List.of(RespValue.Bulk.of("a"))));
        assertEquals(1, reads.size());
    }

    @Test
    void aLostConnectionFlushesItsNode() {
        cache(command("GET", "a"), NODE_A, "A");
        cache(command("GET", "b"), NODE_B, "B");
        reads.invalidationTriggers().disconnected(NODE_B, null);
        assertEquals(value("A"), reads.cached(command("GET", "a")));
        assertNull(reads.cached(command("GET", "b")));
    }

    @Test
    void aSlotThatChangesOwnerIsFlushedAndOthersAreKept() {
        Command<RespValue> moving = command("GET", "moving");
        Command<RespValue> staying = command("GET", "staying");
        int movingSlot = moving.slot().orElseThrow();
        assertNotEquals(movingSlot, staying.slot().orElseThrow(), "the test keys need different slots");
        cache(moving, NODE_A, "M");
        cache(staying, NODE_A, "S");
        ClusterTopology before = ClusterTopology.of(List.of(shard(NODE_A, 0, SlotHash.SLOT_COUNT - 1)));
        ClusterTopology after = before.withSlotMovedTo(movingSlot, NODE_B);

        reads.invalidationTriggers().topologyChanged(before, after);

        assertNull(reads.cached(moving));
        assertEquals(value("S"), reads.cached(staying));
    }

    @Test
    void aWriteThroughThisClientDropsItsKeysAndSpoilsReadsInProgress() {
        cache(command("GET", "k"), NODE_A, "old");
        cache(command("GET", "other"), NODE_A, "O");
        Command<RespValue> get = command("GET", "k");
        ClientSideCache.PendingRead inProgress =
                store.beginRead(new CacheKey(get.arguments()), new KeyBytes(ClientSideCacheTest.bytes("k")), 1, NODE_A);

        reads.written(Command.builder("SET")
                .key(ClientSideCacheTest.bytes("k"))
                .value(ClientSideCacheTest.bytes("new"))
                .build());
        store.completeRead(inProgress, value("old"));

        assertNull(reads.cached(get));
        assertEquals(value("O"), reads.cached(command("GET", "other")));
    }

    @Test
    void readOnlyCommandsDropNothingAndFlushAllDropsEverything() {
        cache(command("GET", "k"), NODE_A, "v");
        reads.written(Command.builder("GET")
                .key(ClientSideCacheTest.bytes("k"))
                .traits(CommandTrait.READ_ONLY)
                .build());
        assertEquals(1, reads.size());
        reads.written(Command.builder("FLUSHALL").build());
        assertEquals(0, reads.size());
    }

    @Test
    void closingTheClientEmptiesTheCache() {
        cache(command("GET", "a"), NODE_A, "A");
        reads.invalidationTriggers().clientClosed();
        assertEquals(0, reads.size());
    }

    @Test
    void offCachesNothing() {
        assertFalse(CachingReads.OFF.enabled());
        assertNull(CachingReads.OFF.cached(command("GET", "k")));
        CachingReads.OFF.pushListener().onPush(NODE_A, invalidate(RespValue.Null.INSTANCE));
        assertEquals(0, CachingReads.OFF.size());
    }

    @Test
    void theDefaultOptionsCacheOnlyTheAllowList() {
        CachingReads defaults = CachingReads.create(ClientSideCacheOptions.defaults(), events);
        assertEquals(0, defaults.size());
        assertNull(defaults.cached(command("TTL", "k")));
        assertEquals(0, events.misses.get(), "TTL is not cacheable");
        assertNull(defaults.cached(command("HGETALL", "k")));
        assertEquals(1, events.misses.get());
    }

    private static Shard shard(NodeAddress primary, int from, int to) {
        return new Shard(ClusterNode.primaryAt(primary), List.of(), List.of(new SlotRange(from, to)));
    }
}

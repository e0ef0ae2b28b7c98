package io.slotwise.netty.caching;

import io.slotwise.ClientSideCacheOptions;
import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.event.ClientEventListener;
import io.slotwise.netty.connection.NodeConnection;
import io.slotwise.netty.connection.PushListener;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-assisted client-side caching as the cluster dispatcher sees it: {@link #cached} answers a cacheable command
 * from the cache, {@link #send} sends a command and records a cacheable reply, and the invalidation sources feed the
 * store: {@link #pushListener()} for the nodes' {@code invalidate} pushes (every node connection that serves reads,
 * replicas included, runs {@code CLIENT TRACKING on}), and {@link #invalidationTriggers()} for lost connections and
 * topology changes. {@link #OFF} does nothing and caches nothing.
 *
 * <p>A command is cacheable if its name is among the configured {@link ClientSideCacheOptions#commands()} and it has
 * exactly one key. Replies are stored as received ({@link RespValue}) and decoded by each caller's command, so one
 * cached reply serves every codec. Error replies are never cached, nor replies to a command sent after {@code ASKING}
 * (the key is in the middle of a migration).
 *
 * <p>Consistency: a reply is served until the node that sent it invalidates its key (the store guarantees that an
 * invalidated reply never comes back, see {@code ClientSideCache}), the connection it came from is lost (the node's
 * tracking state is per connection, so everything it sent is dropped), or its slot's owner or replicas change. Like
 * reads from replicas, a cached read may briefly trail a write made through another client: by the time it takes the
 * invalidation to arrive. Writes made through this client's dispatcher are invalidated locally, when they are sent and
 * again before their caller sees them complete ({@link #written}), because Redis sends the {@code invalidate} push for
 * a client's own change only after that change's reply: a read that follows a write on the same thread sees the write
 * (on the primary; replica reads may trail as they do without a cache). Writes inside {@code MULTI}/{@code EXEC}
 * rely on the node's push alone.
 *
 * <p>Thread-safe. Neither keys nor values are ever logged.
 */
public final class CachingReads {

    /** Caching turned off: nothing is cached, every command goes to its node. */
    public static final CachingReads OFF = new CachingReads(null, Set.of(), ClientEventListener.NONE);

    private static final Logger log = LoggerFactory.getLogger(CachingReads.class);

    private final ClientSideCache store;
    private final Set<String> commands;
    private final ClientEventListener events;

    CachingReads(ClientSideCache store, Set<String> commands, ClientEventListener events) {
        this.store = store;
        this.commands = commands;
        this.events = events;
    }

    /**
     * Creates an empty cache.
     *
     * @param options the cache's settings, never {@code null}
     * @param events told of hits, misses, evictions and invalidations; never {@code null}
     * @return the caching layer
     */
    public static CachingReads create(ClientSideCacheOptions options, ClientEventListener events) {
        ClientSideCache store =
                new ClientSideCache(options.maxEntries(), options.maxAge().toNanos(), System::nanoTime, events);
        return new CachingReads(store, options.commands(), events);
    }

    /** Whether caching is on. */
    public boolean enabled() {
        return store != null;
    }

    /**
     * Answers a cacheable command from the cache.
     *
     * @param command any command
     * @return the cached reply, or {@code null} on a miss or for a command that is not cached
     */
    public RespValue cached(Command<?> command) {
        if (!cacheable(command)) {
            return null;
        }
        RespValue hit = store.lookup(new CacheKey(command.arguments()));
        if (hit != null) {
            events.cacheHit(command.name());
        } else {
            events.cacheMiss(command.name());
        }
        return hit;
    }

    /**
     * Sends a command on a connection; if it is cacheable, registers the read before it is written and caches its
     * reply (unless an invalidation overtook it).
     *
     * @param connection the node's connection
     * @param command the command
     * @return the reply, as {@link NodeConnection#send} returns it, completing once it is cached
     */
    public CompletionStage<RespValue> send(NodeConnection connection, Command<?> command) {
        if (!cacheable(command)) {
            return connection.send(command);
        }
        byte[] key = command.arguments().get(command.keyIndexes()[0]);
        ClientSideCache.PendingRead read = store.beginRead(
                new CacheKey(command.arguments()),
                new KeyBytes(key),
                command.slot().orElseThrow(),
                connection.address());
        // The returned stage completes after the insertion, so a caller that reads again at once gets the hit. The
        // insertion normally runs on the event loop as the reply is decoded, but correctness does not depend on it.
        return connection.send(command).whenComplete((value, failure) -> {
            if (value != null && !(value.withoutAttributes() instanceof RespValue.Error)) {
                store.completeRead(read, value);
            } else {
                store.abandonRead(read);
            }
        });
    }

    /**
     * Drops what a write made through this client changes: the keys of a command without the {@code READ_ONLY} trait,
     * or everything for {@code FLUSHALL} and {@code FLUSHDB}; reads of them in progress are not cached either. The
     * dispatcher calls it when the command is sent and again before its caller sees it complete. Read-only commands
     * are ignored.
     *
     * @param command any command
     */
    public void written(Command<?> command) {
        if (store == null || command.has(CommandTrait.READ_ONLY)) {
            return;
        }
        String name = command.name().toUpperCase(Locale.ROOT); // callers may spell commands in any case
        if (name.startsWith("FLUSH") && (name.equals("FLUSHALL") || name.equals("FLUSHDB"))) {
            store.flushAll();
            return;
        }
        List<byte[]> keys = command.keys();
        if (!keys.isEmpty()) {
            store.invalidate(keys);
        }
    }

    /**
     * Receives the pushes of the connections that track keys: {@code invalidate} with keys removes them, without keys
     * (after {@code FLUSHALL}, {@code FLUSHDB}) flushes everything the node sent. Other pushes are logged at debug
     * level (kind only) and dropped.
     *
     * @return the listener for the node connections' options
     */
    public PushListener pushListener() {
        return this::onPush;
    }

    /**
     * Returns the client events that make cached replies untrustworthy: a lost connection flushes its node, a topology
     * change flushes every slot whose primary or replicas changed, and the client's closing empties the cache.
     *
     * @return a listener to register with the client's other event listeners
     */
    public ClientEventListener invalidationTriggers() {
        return new ClientEventListener() {
            @Override
            public void disconnected(NodeAddress node, Throwable cause) {
                if (store != null) {
                    store.flushNode(node);
                }
            }

            @Override
            public void topologyChanged(ClusterTopology previous, ClusterTopology current) {
                if (store != null) {
                    store.flushSlots(TopologyDiff.slotsWithOtherNodes(previous, current));
                }
            }

            @Override
            public void clientClosed() {
                if (store != null) {
                    store.flushAll();
                }
            }
        };
    }

    /** The number of cached replies; 0 when off. */
    public int size() {
        return store == null ? 0 : store.size();
    }

    private void onPush(NodeAddress node, RespValue.Push push) {
        if (store == null || !push.kind().equalsIgnoreCase("invalidate")) {
            log.debug("Dropped a '{}' push message from {}", push.kind(), node);
            return;
        }
        RespValue keys = push.data().isEmpty() ? null : push.data().get(0).withoutAttributes();
        if (keys instanceof RespValue.Array array) {
            List<byte[]> invalidated = new ArrayList<>(array.elements().size());
            for (RespValue element : array.elements()) {
                if (element.withoutAttributes() instanceof RespValue.Bulk bulk) {
                    invalidated.add(bulk.bytes());
                }
            }
            store.invalidate(invalidated);
        } else {
            store.flushNode(node);
        }
    }

    private boolean cacheable(Command<?> command) {
        return store != null
                && commands.contains(command.name().toUpperCase(Locale.ROOT))
                && command.slot().isPresent()
                && command.keyIndexes().length == 1;
    }
}

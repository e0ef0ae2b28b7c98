package io.slotwise.netty.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.slotwise.RedirectLimitExceededException;
import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisTimeoutException;
import io.slotwise.event.ClientEventListener;
import io.slotwise.event.RedirectKind;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records a cluster client's events as Micrometer meters ({@link ClientMeters} lists them). Register it as an event
 * listener of one client; it removes its meters from the registry when that client closes.
 *
 * <pre>{@code
 * ClusterClientOptions options = ClusterClientOptions.builder()
 *         .seeds("redis://127.0.0.1:7000")
 *         .eventListener(MicrometerListener.bindTo(registry, Tags.of("cluster", "sessions")))
 *         .build();
 * }</pre>
 *
 * <p>Bind the listener ({@link #bindTo(MeterRegistry)}, or create it bound with {@link #bindTo(MeterRegistry,
 * Iterable)}) before registering it: events that arrive before are not recorded. Thread-safe.
 */
public final class MicrometerListener implements ClientEventListener, MeterBinder {

    private final Tags commonTags;
    private final Map<List<String>, Meter> meters = new ConcurrentHashMap<>();
    private final Map<NodeAddress, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final List<Meter> registered = new CopyOnWriteArrayList<>();
    private volatile MeterRegistry registry;
    private volatile long lastRefreshNanos;
    private volatile boolean refreshed;

    /**
     * Creates an unbound listener.
     *
     * @param commonTags tags added to every meter, for example the cluster's name; may be empty
     */
    public MicrometerListener(Iterable<Tag> commonTags) {
        this.commonTags = Tags.of(commonTags);
    }

    /**
     * Creates a listener bound to a registry.
     *
     * @param registry the registry, never {@code null}
     * @param commonTags tags added to every meter; may be empty
     * @return the listener, ready to be registered with {@code ClusterClientOptions.Builder.eventListener}
     */
    public static MicrometerListener bindTo(MeterRegistry registry, Iterable<Tag> commonTags) {
        MicrometerListener listener = new MicrometerListener(commonTags);
        listener.bindTo(registry);
        return listener;
    }

    /** Registers the meters that exist from the start (the topology age) and records events from now on. */
    @Override
    public void bindTo(MeterRegistry target) {
        this.registry = target;
        ClientMeters age = ClientMeters.TOPOLOGY_AGE;
        registered.add(Gauge.builder(age.meterName(), this, MicrometerListener::topologyAgeSeconds)
                .description(age.description())
                .baseUnit(age.baseUnit())
                .tags(commonTags)
                .register(target));
    }

    private double topologyAgeSeconds() {
        return refreshed ? (System.nanoTime() - lastRefreshNanos) / 1e9 : Double.NaN;
    }

    @Override
    public void commandSucceeded(String command, Duration latency) {
        commandTimer(command, "success").record(latency);
    }

    @Override
    public void commandFailed(String command, Duration latency, Throwable cause) {
        commandTimer(command, outcome(cause)).record(latency);
    }

    @Override
    public void requestStarted(NodeAddress node) {
        inFlight(node).incrementAndGet();
    }

    @Override
    public void requestFinished(NodeAddress node) {
        inFlight(node).decrementAndGet();
    }

    @Override
    public void redirected(String command, RedirectKind kind, int slot, NodeAddress from, NodeAddress to) {
        counter(ClientMeters.REDIRECTS, kind.name().toLowerCase(Locale.ROOT)).increment();
    }

    @Override
    public void retried(String command, int attempt, Throwable cause) {
        counter(ClientMeters.RETRIES, command).increment();
    }

    @Override
    public void topologyRefreshed(Duration duration, int nodesAsked) {
        lastRefreshNanos = System.nanoTime();
        refreshed = true;
        timer(ClientMeters.TOPOLOGY_REFRESH, "success").record(duration);
    }

    @Override
    public void topologyRefreshFailed(Duration duration, Throwable cause) {
        timer(ClientMeters.TOPOLOGY_REFRESH, "failure").record(duration);
    }

    @Override
    public void topologyChanged(ClusterTopology previous, ClusterTopology current) {
        counter(ClientMeters.TOPOLOGY_CHANGES).increment();
    }

    @Override
    public void connected(NodeAddress node) {
        counter(ClientMeters.CONNECTION_EVENTS, node.toString(), "connected").increment();
    }

    @Override
    public void connectFailed(NodeAddress node, Throwable cause) {
        counter(ClientMeters.CONNECTION_EVENTS, node.toString(), "connect_failed")
                .increment();
    }

    @Override
    public void disconnected(NodeAddress node, Throwable cause) {
        counter(ClientMeters.CONNECTION_EVENTS, node.toString(), "disconnected").increment();
    }

    @Override
    public void cacheHit(String command) {
        counter(ClientMeters.CLIENT_CACHE, "hit").increment();
    }

    @Override
    public void cacheMiss(String command) {
        counter(ClientMeters.CLIENT_CACHE, "miss").increment();
    }

    @Override
    public void cacheEvicted(int entries) {
        counter(ClientMeters.CLIENT_CACHE, "eviction").increment(entries);
    }

    @Override
    public void cacheInvalidated(int entries) {
        counter(ClientMeters.CLIENT_CACHE, "invalidation").increment(entries);
    }

    /** Removes every meter this listener registered. */
    @Override
    public void clientClosed() {
        MeterRegistry target = registry;
        registry = null;
        if (target != null) {
            for (Meter meter : registered) {
                target.remove(meter);
            }
        }
        registered.clear();
        meters.clear();
    }

    private Timer commandTimer(String command, String outcome) {
        return timer(ClientMeters.COMMAND_DURATION, command, outcome);
    }

    private Timer timer(ClientMeters meter, String... tagValues) {
        return (Timer) meter(
                meter,
                tagValues,
                (registry, tags) -> Timer.builder(meter.meterName())
                        .description(meter.description())
                        .tags(tags)
                        .register(registry));
    }

    private Counter counter(ClientMeters meter, String... tagValues) {
        return (Counter) meter(
                meter,
                tagValues,
                (registry, tags) -> Counter.builder(meter.meterName())
                        .description(meter.description())
                        .baseUnit(meter.baseUnit())
                        .tags(tags)
                        .register(registry));
    }

    private AtomicInteger inFlight(NodeAddress node) {
        return inFlight.computeIfAbsent(node, address -> {
            AtomicInteger count = new AtomicInteger();
            ClientMeters meter = ClientMeters.NODE_IN_FLIGHT;
            meter(
                    meter,
                    new String[] {address.toString()},
                    (registry, tags) -> Gauge.builder(meter.meterName(), count, AtomicInteger::get)
                            .description(meter.description())
                            .baseUnit(meter.baseUnit())
                            .tags(tags)
                            .register(registry));
            return count;
        });
    }

    /** Finds or registers a meter; while unbound, returns a meter of a throw-away registry that records nothing. */
    private Meter meter(ClientMeters meter, String[] tagValues, MeterFactory factory) {
        MeterRegistry target = registry;
        Tags tags = commonTags;
        for (int i = 0; i < tagValues.length; i++) {
            tags = tags.and(meter.tagKeys().get(i), tagValues[i]);
        }
        if (target == null) {
            return factory.create(NOOP, tags);
        }
        List<String> key = key(meter, tagValues);
        Tags finalTags = tags;
        return meters.computeIfAbsent(key, k -> {
            Meter created = factory.create(target, finalTags);
            registered.add(created);
            return created;
        });
    }

    private static List<String> key(ClientMeters meter, String[] tagValues) {
        String[] key = new String[tagValues.length + 1];
        key[0] = meter.name();
        System.arraycopy(tagValues, 0, key, 1, tagValues.length);
        return List.of(key);
    }

    static String outcome(Throwable cause) {
        if (cause instanceof RedisTimeoutException) {
            return "timeout";
        }
        if (cause instanceof RedisConnectionException) {
            return "connection_error";
        }
        if (cause instanceof RedirectLimitExceededException) {
            return "redirect_limit";
        }
        if (cause instanceof RedisCommandException) {
            return "server_error";
        }
        return "client_error";
    }

    private static final MeterRegistry NOOP = new CompositeMeterRegistry();

    @FunctionalInterface
    private interface MeterFactory {
        Meter create(MeterRegistry registry, Tags tags);
    }
}

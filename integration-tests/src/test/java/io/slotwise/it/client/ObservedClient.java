package io.slotwise.it.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisClusterClient;
import io.slotwise.api.AsyncCommands;
import io.slotwise.event.RedirectKind;
import io.slotwise.netty.SlotwiseCluster;
import io.slotwise.netty.metrics.ClientMeters;
import io.slotwise.netty.metrics.MicrometerListener;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A client under test connected to a {@link ClusterBackend}, with a {@link MicrometerListener} on its own
 * {@link SimpleMeterRegistry} so tests can read how many redirects and retries it made. Read the counters before
 * closing: the listener removes its meters when the client closes.
 */
final class ObservedClient implements AutoCloseable {

    private final RedisClusterClient client;
    private final SimpleMeterRegistry registry;

    private ObservedClient(RedisClusterClient client, SimpleMeterRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    /** Connects with every node of the backend as a seed and the default options. */
    static ObservedClient connect(ClusterBackend backend) {
        return connect(backend, builder -> builder);
    }

    /**
     * Connects with every node of the backend as a seed and the options {@code customise} makes of the defaults.
     *
     * @param customise may change anything but the seeds and the event listeners it finds
     */
    static ObservedClient connect(ClusterBackend backend, UnaryOperator<ClusterClientOptions.Builder> customise) {
        return connect(backend, customise.apply(ClusterClientOptions.builder().seeds(backend.seedUris())));
    }

    /** Connects with exactly the given options plus the metrics listener. */
    static ObservedClient connect(ClusterBackend backend, ClusterClientOptions.Builder options) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerListener metrics = MicrometerListener.bindTo(registry, Tags.of("backend", "it"));
        RedisClusterClient client =
                SlotwiseCluster.connect(options.eventListener(metrics).build());
        return new ObservedClient(client, registry);
    }

    RedisClusterClient client() {
        return client;
    }

    AsyncCommands<String, String> commands() {
        return client.async();
    }

    /** Returns how many redirects of {@code kind} the client followed so far. */
    long redirects(RedirectKind kind) {
        return count(registry.find(ClientMeters.REDIRECTS.meterName())
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .counter());
    }

    /** Returns how many retries (attempts after the first) the client made for {@code command} so far. */
    long retries(String command) {
        return count(registry.find(ClientMeters.RETRIES.meterName())
                .tag("command", command)
                .counter());
    }

    private static long count(Counter counter) {
        return counter == null ? 0 : (long) counter.count();
    }

    @Override
    public void close() {
        client.close();
        registry.close();
    }
}

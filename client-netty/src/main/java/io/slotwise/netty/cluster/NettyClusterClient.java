package io.slotwise.netty.cluster;

import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import io.slotwise.ClusterClientOptions;
import io.slotwise.ReadFrom;
import io.slotwise.RedisClusterClient;
import io.slotwise.RedisException;
import io.slotwise.SeedUri;
import io.slotwise.api.AsyncCommands;
import io.slotwise.codec.RedisCodec;
import io.slotwise.event.ClientEventListener;
import io.slotwise.netty.ClientResources;
import io.slotwise.netty.caching.CachingReads;
import io.slotwise.netty.connection.ConnectionOptions;
import io.slotwise.netty.connection.DisconnectedBehavior;
import io.slotwise.netty.pubsub.NettyClusterSubscriber;
import io.slotwise.netty.pubsub.SubscriberEnvironment;
import io.slotwise.netty.retry.RetryClassifier;
import io.slotwise.netty.retry.TransientRetry;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.routing.RedirectPolicy;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The netty {@link RedisClusterClient}: wires the {@link ConnectionRegistry}, the {@link TopologyRefresher}, the
 * {@link ClusterDispatcher} and {@link TransientRetry} of one cluster, and closes them in order. Applications create it
 * through {@code io.slotwise.netty.SlotwiseCluster}.
 *
 * <p>Thread-safe.
 */
public final class NettyClusterClient implements RedisClusterClient {

    private final ClientResources resources;
    private final boolean ownsResources;
    private final ClientEventListener listener;
    private final ConnectionRegistry registry;
    private final TopologyRefresher refresher;
    private final ClusterDispatcher dispatcher;
    private final NodeLatencies latencies = new NodeLatencies();
    private final LatencyProbe latencyProbe;
    private final TransactionExecutor transactions;
    private final ClusterScanner scanner;
    private final AsyncCommands<String, String> utf8;
    private final SubscriberEnvironment subscriberEnvironment;
    private final Set<NettyClusterSubscriber<?, ?>> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private NettyClusterClient(
            ClusterClientOptions options,
            ClientResources resources,
            boolean ownsResources,
            SslContext sslContext,
            UnaryOperator<ConnectionOptions> connectionTuning) {
        this.resources = resources;
        this.ownsResources = ownsResources;
        List<ClientEventListener> listeners = new ArrayList<>(options.eventListeners());
        listeners.add(new ClientEventListener() {
            @Override
            public void topologyChanged(ClusterTopology previous, ClusterTopology current) {
                subscribers.forEach(NettyClusterSubscriber::topologyChanged);
            }
        });
        CachingReads cache = options.clientSideCache()
                .map(settings -> CachingReads.create(settings, ListenerFanOut.of(listeners)))
                .orElse(CachingReads.OFF);
        // First, so that a lost connection or a topology change has flushed the cache before any other listener hears
        // of it.
        listeners.add(0, cache.invalidationTriggers());
        this.listener = ListenerFanOut.of(listeners);
        RefreshTrigger trigger = new RefreshTrigger();
        ConnectionOptions connectionOptions = connectionTuning.apply(connectionOptions(options, sslContext));
        ConnectionOptions nodeOptions = cache.enabled()
                ? connectionOptions.toBuilder()
                        .clientTracking(true)
                        .pushListener(cache.pushListener())
                        .build()
                : connectionOptions;
        this.registry = new ConnectionRegistry(
                resources, nodeOptions, options.addressMapper(), listener, node -> trigger.fire());
        List<NodeAddress> seeds = new ArrayList<>();
        for (SeedUri seed : options.seeds()) {
            seeds.add(seed.address());
        }
        this.refresher = new TopologyRefresher(
                registry,
                seeds,
                listener,
                resources.nextEventLoop(),
                options.topologyRefreshPeriod(),
                options.adaptiveRefreshMinInterval(),
                options.commandTimeout());
        trigger.refresher = refresher;
        TransientRetry retry = new TransientRetry(
                options.retry(),
                new RetryClassifier(options.replayUnknownOutcomeWrites()),
                resources.eventLoopGroup(),
                closing::get,
                listener);
        NodeSelector selector = new NodeSelector(options.readFrom(), registry::isUnreachable, latencies::latencyNanos);
        RedirectPolicy redirects = new RedirectPolicy(options.maxRedirects());
        this.dispatcher = new ClusterDispatcher(
                refresher, registry, selector, redirects, retry, listener, options.commandTimeout(), cache);
        this.latencyProbe = options.readFrom() == ReadFrom.NEAREST
                ? new LatencyProbe(
                        latencies,
                        registry,
                        refresher::current,
                        resources.nextEventLoop(),
                        options.latencyProbeInterval())
                : null;
        this.transactions = new TransactionExecutor(
                refresher, registry, selector, redirects, retry, listener, options.commandTimeout());
        this.scanner = new ClusterScanner(refresher, registry, selector, redirects, retry, transactions, dispatcher);
        this.utf8 = new ClusterCommands<>(dispatcher, transactions, scanner, RedisCodec.utf8());
        this.subscriberEnvironment = new SubscriberEnvironment(
                resources,
                connectionOptions,
                options.addressMapper(),
                refresher::current,
                refresher::afterNextRefresh,
                registry::isUnreachable);
    }

    /**
     * Creates a client and discovers its cluster.
     *
     * @param options the client's settings
     * @param resources the event loops to run on
     * @param ownsResources whether closing the client shuts the resources down
     * @param sslContext the TLS context when the seeds use {@code rediss://}, otherwise {@code null}
     * @return completes with the connected client, or fails with a {@link io.slotwise.RedisConnectionException} naming
     *     every seed tried and why (the resources are then shut down if owned)
     */
    public static CompletionStage<RedisClusterClient> start(
            ClusterClientOptions options, ClientResources resources, boolean ownsResources, SslContext sslContext) {
        return start(options, resources, ownsResources, sslContext, UnaryOperator.identity());
    }

    /**
     * Like {@link #start(ClusterClientOptions, ClientResources, boolean, SslContext)}, with the node connections'
     * settings adjusted by {@code connectionTuning} (for tests: reconnect backoff, jitter).
     */
    static CompletionStage<RedisClusterClient> start(
            ClusterClientOptions options,
            ClientResources resources,
            boolean ownsResources,
            SslContext sslContext,
            UnaryOperator<ConnectionOptions> connectionTuning) {
        NettyClusterClient client =
                new NettyClusterClient(options, resources, ownsResources, sslContext, connectionTuning);
        CompletableFuture<RedisClusterClient> started = new CompletableFuture<>();
        client.refresher.discover().whenComplete((topology, failure) -> {
            if (failure == null) {
                client.refresher.startPeriodic();
                if (client.latencyProbe != null) {
                    client.latencyProbe.start();
                }
                started.complete(client);
            } else {
                Throwable cause = RetryClassifier.unwrap(failure);
                client.closeAsync().whenComplete((ignored, error) -> started.completeExceptionally(cause));
            }
        });
        return started;
    }

    private static ConnectionOptions connectionOptions(ClusterClientOptions options, SslContext sslContext) {
        return ConnectionOptions.builder()
                .connectTimeout(options.connectTimeout())
                .commandTimeout(options.commandTimeout())
                .credentials(options.credentials().orElse(null))
                .clientName(options.clientName().orElse(null))
                .resp3(options.resp3())
                .readOnly(options.readFrom().usesReplicas())
                .sslContext(sslContext)
                .disconnectedBehavior(DisconnectedBehavior.QUEUE)
                .build();
    }

    @Override
    public AsyncCommands<String, String> async() {
        return utf8;
    }

    @Override
    public <K, V> AsyncCommands<K, V> async(RedisCodec<K, V> codec) {
        return new ClusterCommands<>(dispatcher, transactions, scanner, codec);
    }

    @Override
    public ClusterSubscriber<String, String> pubSub() {
        return pubSub(RedisCodec.utf8());
    }

    @Override
    public <K, V> ClusterSubscriber<K, V> pubSub(RedisCodec<K, V> codec) {
        if (closing.get()) {
            throw new RedisException("The client is closed");
        }
        NettyClusterSubscriber<K, V> subscriber =
                NettyClusterSubscriber.create(subscriberEnvironment, codec, subscribers::remove, this::onOwnEventLoop);
        subscribers.add(subscriber);
        if (closing.get()) {
            subscriber.closeAsync();
            throw new RedisException("The client is closed");
        }
        return subscriber;
    }

    @Override
    public ClusterTopology topology() {
        return refresher.current();
    }

    @Override
    public CompletionStage<Void> closeAsync() {
        if (!closing.compareAndSet(false, true)) {
            return closed.minimalCompletionStage();
        }
        refresher.stop();
        if (latencyProbe != null) {
            latencyProbe.stop();
        }
        dispatcher.close();
        transactions.close();
        List<CompletableFuture<Void>> subscriberClosures = new ArrayList<>();
        for (NettyClusterSubscriber<?, ?> subscriber : List.copyOf(subscribers)) {
            subscriberClosures.add(subscriber.closeAsync().toCompletableFuture());
        }
        CompletableFuture.allOf(subscriberClosures.toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> registry.closeAll())
                .whenComplete((ignored, error) -> {
                    dispatcher.failPending("The client was closed before the command completed");
                    transactions.failPending("The client was closed before the transaction completed");
                    listener.clientClosed();
                    if (ownsResources) {
                        resources.shutdown().whenComplete((done, failure) -> closed.complete(null));
                    } else {
                        closed.complete(null);
                    }
                });
        return closed.minimalCompletionStage();
    }

    @Override
    public void close() {
        CompletionStage<Void> done = closeAsync();
        if (!onOwnEventLoop()) {
            done.toCompletableFuture().join();
        }
    }

    private boolean onOwnEventLoop() {
        for (EventExecutor executor : resources.eventLoopGroup()) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    /** Connection trouble triggers a refresh; the refresher exists only after the registry, hence the indirection. */
    private static final class RefreshTrigger {
        private volatile TopologyRefresher refresher;

        void fire() {
            TopologyRefresher current = refresher;
            if (current != null) {
                current.trigger();
            }
        }
    }
}

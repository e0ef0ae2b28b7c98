package io.slotwise.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.slotwise.ClusterClientOptions;
import io.slotwise.RedisClusterClient;
import io.slotwise.RedisConnectionException;
import io.slotwise.RedisException;
import io.slotwise.netty.cluster.NettyClusterClient;
import io.slotwise.netty.retry.RetryClassifier;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLException;

/**
 * The entry point of the netty cluster client: connects to a Redis Cluster and returns its {@link RedisClusterClient}.
 *
 * <pre>{@code
 * try (RedisClusterClient client = SlotwiseCluster.connect(ClusterClientOptions.builder()
 *         .seeds("redis://127.0.0.1:7000", "redis://127.0.0.1:7001")
 *         .readFrom(ReadFrom.REPLICA_PREFERRED)
 *         .build())) {
 *     client.async().set("user:{42}:name", "Ada").toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <p>By default each client owns its I/O threads (one per processor) and stops them when closed; applications with
 * several clients should share one {@link ClientResources} through {@link #builder}. For {@code rediss://} seeds the
 * client trusts the JDK's default trust store unless {@link Builder#sslContext} gives another context. Thread-safe.
 */
public final class SlotwiseCluster {

    private SlotwiseCluster() {}

    /**
     * Connects, waiting until the cluster's topology is known.
     *
     * @param options the client's settings, never {@code null}
     * @return the connected client; close it when done
     * @throws RedisConnectionException if no seed answered with a usable topology; the message names every seed tried
     *     and why it failed
     */
    public static RedisClusterClient connect(ClusterClientOptions options) {
        return builder(options).connect();
    }

    /**
     * Connects without waiting.
     *
     * @param options the client's settings, never {@code null}
     * @return completes with the client once the topology is known, or with the reason it could not be
     */
    public static CompletionStage<RedisClusterClient> connectAsync(ClusterClientOptions options) {
        return builder(options).connectAsync();
    }

    /**
     * Starts configuring a client with transport settings that the transport-neutral options cannot express.
     *
     * @param options the client's settings, never {@code null}
     * @return a builder
     */
    public static Builder builder(ClusterClientOptions options) {
        return new Builder(Objects.requireNonNull(options, "options"));
    }

    /** Transport settings of one client. Not thread-safe. */
    public static final class Builder {
        private final ClusterClientOptions options;
        private ClientResources resources;
        private SslContext sslContext;

        private Builder(ClusterClientOptions options) {
            this.options = options;
        }

        /**
         * Runs the client on shared resources, which the client does not shut down; by default it creates and owns
         * its own.
         *
         * @param value the resources, or {@code null} for owned ones
         * @return this builder
         */
        public Builder resources(ClientResources value) {
            resources = value;
            return this;
        }

        /**
         * Sets the TLS context for {@code rediss://} seeds (custom trust, client certificates); ignored for
         * {@code redis://}.
         *
         * @param value a client context, or {@code null} for the JDK's default trust
         * @return this builder
         */
        public Builder sslContext(SslContext value) {
            if (value != null && !value.isClient()) {
                throw new IllegalArgumentException("sslContext must be a client context");
            }
            sslContext = value;
            return this;
        }

        /**
         * Connects, waiting until the cluster's topology is known.
         *
         * @return the connected client
         * @throws RedisException if the client cannot connect; see {@link SlotwiseCluster#connect}
         */
        public RedisClusterClient connect() {
            try {
                return connectAsync().toCompletableFuture().join();
            } catch (CompletionException e) {
                Throwable cause = RetryClassifier.unwrap(e);
                if (cause instanceof RedisException redis) {
                    throw redis;
                }
                throw new RedisException("Could not connect to the cluster: " + cause, cause);
            }
        }

        /**
         * Connects without waiting.
         *
         * @return completes with the client once the topology is known
         */
        public CompletionStage<RedisClusterClient> connectAsync() {
            SslContext tls;
            try {
                tls = options.tls()
                        ? (sslContext != null
                                ? sslContext
                                : SslContextBuilder.forClient().build())
                        : null;
            } catch (SSLException e) {
                return CompletableFuture.failedFuture(
                        new RedisConnectionException("Could not create the default TLS context", e, false));
            }
            boolean owned = resources == null;
            ClientResources chosen = owned ? ClientResources.create() : resources;
            return NettyClusterClient.start(options, chosen, owned, tls);
        }
    }
}

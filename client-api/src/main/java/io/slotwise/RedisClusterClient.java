package io.slotwise;

import io.slotwise.api.AsyncCommands;
import io.slotwise.codec.RedisCodec;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.topology.ClusterTopology;
import java.util.concurrent.CompletionStage;

/**
 * A client of one Redis Cluster: routes every command by its keys to the node serving its slot, follows redirects,
 * retries transient failures, splits multi-key commands by slot and fans keyless commands out, keeping its view of the
 * cluster current. Create one per cluster and share it: it is thread-safe, and every node gets one multiplexed
 * connection whatever the number of callers.
 *
 * <p>The netty implementation is created with {@code io.slotwise.netty.SlotwiseCluster.connect(options)}.
 *
 * <pre>{@code
 * try (RedisClusterClient client = SlotwiseCluster.connect(ClusterClientOptions.builder()
 *         .seeds("redis://127.0.0.1:7000", "redis://127.0.0.1:7001")
 *         .build())) {
 *     client.async().set("user:{42}:name", "Ada").toCompletableFuture().join();
 * }
 * }</pre>
 */
public interface RedisClusterClient extends AutoCloseable {

    /**
     * Returns the asynchronous commands with UTF-8 string keys and values. Cheap; the same instance every time.
     *
     * @return the commands; their stages complete on the client's I/O threads
     */
    AsyncCommands<String, String> async();

    /**
     * Returns the asynchronous commands with keys and values encoded by a codec. Cheap: a view of this client, not a
     * new connection.
     *
     * @param codec the codec, never {@code null}
     * @param <K> the key type
     * @param <V> the value type
     * @return the commands
     */
    <K, V> AsyncCommands<K, V> async(RedisCodec<K, V> codec);

    /**
     * Creates a Pub/Sub subscriber with UTF-8 string channels and messages: a new handle with its own dedicated
     * connections (opened on the first subscription), closed by its {@code close()} or by closing this client.
     *
     * @return a new subscriber
     * @throws RedisException if the client is closed
     */
    ClusterSubscriber<String, String> pubSub();

    /**
     * Creates a Pub/Sub subscriber whose channels and messages a codec encodes; see {@link #pubSub()}.
     *
     * @param codec the codec, never {@code null}
     * @param <K> the channel type
     * @param <V> the message type
     * @return a new subscriber
     * @throws RedisException if the client is closed
     */
    <K, V> ClusterSubscriber<K, V> pubSub(RedisCodec<K, V> codec);

    /**
     * Returns the topology snapshot the client routes with now. Immutable; a later refresh replaces it rather than
     * changing it.
     *
     * @return the current snapshot, never {@code null}
     */
    ClusterTopology topology();

    /**
     * Closes the client: stops topology refreshes, closes every connection, and completes every command still pending
     * exceptionally with a {@link RedisException} saying the client was closed. Commands issued afterwards fail at
     * once. Releases the I/O threads if the client owns them. Idempotent.
     *
     * @return completes when everything is closed; never completes exceptionally
     */
    CompletionStage<Void> closeAsync();

    /**
     * Closes the client as {@link #closeAsync()} does and waits until it is done. Called on one of the client's own
     * I/O threads, it starts closing and returns without waiting, since waiting there could never finish.
     */
    @Override
    void close();
}

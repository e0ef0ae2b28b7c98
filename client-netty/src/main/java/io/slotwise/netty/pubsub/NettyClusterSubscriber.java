package io.slotwise.netty.pubsub;

import io.slotwise.codec.RedisCodec;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.pubsub.PubSubListener;
import io.slotwise.pubsub.SubscriptionKind;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The netty {@link ClusterSubscriber}: encodes names with the codec, hands them to a {@link SubscriptionEngine}, and
 * decodes what the nodes push for the listeners. Created by the client ({@code RedisClusterClient.pubSub()}), which
 * tells it about topology changes ({@link #topologyChanged()}) and closes it when the client closes.
 *
 * <p>Thread-safe.
 *
 * @param <K> the channel type
 * @param <V> the message type
 */
public final class NettyClusterSubscriber<K, V> implements ClusterSubscriber<K, V> {

    private static final Logger log = LoggerFactory.getLogger(NettyClusterSubscriber.class);

    private final RedisCodec<K, V> codec;
    private final SubscriptionEngine engine;
    private final List<PubSubListener<K, V>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<NettyClusterSubscriber<?, ?>> onClose;
    private final BooleanSupplier onIoThread;

    private NettyClusterSubscriber(
            SubscriberEnvironment env,
            RedisCodec<K, V> codec,
            Consumer<NettyClusterSubscriber<?, ?>> onClose,
            BooleanSupplier onIoThread) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.onClose = onClose;
        this.onIoThread = onIoThread;
        this.engine = new SubscriptionEngine(env, this::pushed);
    }

    /**
     * Creates a subscriber; no connection is opened until the first subscription.
     *
     * @param env what the subscriber needs from its client
     * @param codec encodes channels and decodes messages
     * @param onClose told once when the subscriber closes (the client forgets it)
     * @param onIoThread tells whether the calling thread is one of the client's I/O threads ({@link #close()} does not
     *     wait there)
     * @param <K> the channel type
     * @param <V> the message type
     * @return the subscriber
     */
    public static <K, V> NettyClusterSubscriber<K, V> create(
            SubscriberEnvironment env,
            RedisCodec<K, V> codec,
            Consumer<NettyClusterSubscriber<?, ?>> onClose,
            BooleanSupplier onIoThread) {
        return new NettyClusterSubscriber<>(env, codec, onClose, onIoThread);
    }

    @Override
    public CompletionStage<Void> subscribe(List<K> channels) {
        return engine.subscribe(SubscriptionKind.CHANNEL, encode("SUBSCRIBE", channels));
    }

    @Override
    public CompletionStage<Void> unsubscribe(List<K> channels) {
        return engine.unsubscribe(SubscriptionKind.CHANNEL, encode("UNSUBSCRIBE", channels));
    }

    @Override
    public CompletionStage<Void> psubscribe(List<K> patterns) {
        return engine.subscribe(SubscriptionKind.PATTERN, encode("PSUBSCRIBE", patterns));
    }

    @Override
    public CompletionStage<Void> punsubscribe(List<K> patterns) {
        return engine.unsubscribe(SubscriptionKind.PATTERN, encode("PUNSUBSCRIBE", patterns));
    }

    @Override
    public CompletionStage<Void> ssubscribe(List<K> shardChannels) {
        return engine.subscribe(SubscriptionKind.SHARD_CHANNEL, encode("SSUBSCRIBE", shardChannels));
    }

    @Override
    public CompletionStage<Void> sunsubscribe(List<K> shardChannels) {
        return engine.unsubscribe(SubscriptionKind.SHARD_CHANNEL, encode("SUNSUBSCRIBE", shardChannels));
    }

    @Override
    public void addListener(PubSubListener<K, V> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(PubSubListener<K, V> listener) {
        listeners.remove(listener);
    }

    @Override
    public Set<K> subscriptions(SubscriptionKind kind) {
        Set<K> decoded = new LinkedHashSet<>();
        for (ChannelName name : engine.wanted(Objects.requireNonNull(kind, "kind"))) {
            decoded.add(codec.decodeKey(name.bytes()));
        }
        return Collections.unmodifiableSet(decoded);
    }

    /**
     * Returns the nodes this subscriber has connections to (open, opening or reconnecting), for tests and diagnostics.
     *
     * @return the nodes, as the topology announces them
     */
    public Set<NodeAddress> connectedNodes() {
        return engine.linkedNodes();
    }

    /** The client's topology changed; the subscriber checks where its subscriptions belong now. Any thread. */
    public void topologyChanged() {
        engine.topologyChanged();
    }

    @Override
    public CompletionStage<Void> closeAsync() {
        CompletionStage<Void> done = engine.close();
        onClose.accept(this);
        return done;
    }

    @Override
    public void close() {
        CompletionStage<Void> done = closeAsync();
        if (!onIoThread.getAsBoolean()) {
            done.toCompletableFuture().join();
        }
    }

    /** Names the type and how many listeners; never channel names. */
    @Override
    public String toString() {
        return "NettyClusterSubscriber[listeners=" + listeners.size() + "]";
    }

    private List<ChannelName> encode(String command, List<K> names) {
        Objects.requireNonNull(names, () -> command + ": the channels must not be null");
        if (names.isEmpty()) {
            throw new IllegalArgumentException(command + " needs at least one channel");
        }
        List<ChannelName> encoded = new ArrayList<>(names.size());
        for (K name : names) {
            encoded.add(new ChannelName(
                    codec.encodeKey(Objects.requireNonNull(name, () -> command + ": a channel is null"))));
        }
        return encoded;
    }

    /** Decodes one push and calls the listeners; on the link's I/O thread. */
    private void pushed(RespValue.Push push) {
        if (listeners.isEmpty()) {
            return;
        }
        List<byte[]> parts = new ArrayList<>(push.data().size());
        for (RespValue element : push.data()) {
            RespValue plain = element.withoutAttributes();
            parts.add(plain instanceof RespValue.Bulk bulk ? bulk.bytes() : null);
        }
        try {
            dispatch(push.kind(), parts);
        } catch (RuntimeException e) {
            log.warn("Could not decode a '{}' push with the subscriber's codec", push.kind(), e);
        }
    }

    private void dispatch(String kind, List<byte[]> parts) {
        switch (kind) {
            case "message" -> {
                if (present(parts, 2)) {
                    K channel = codec.decodeKey(parts.get(0));
                    V message = codec.decodeValue(parts.get(1));
                    each(l -> l.message(channel, message));
                }
            }
            case "smessage" -> {
                if (present(parts, 2)) {
                    K channel = codec.decodeKey(parts.get(0));
                    V message = codec.decodeValue(parts.get(1));
                    each(l -> l.shardMessage(channel, message));
                }
            }
            case "pmessage" -> {
                if (present(parts, 3)) {
                    K pattern = codec.decodeKey(parts.get(0));
                    K channel = codec.decodeKey(parts.get(1));
                    V message = codec.decodeValue(parts.get(2));
                    each(l -> l.patternMessage(pattern, channel, message));
                }
            }
            default -> confirmation(kind, parts);
        }
    }

    private void confirmation(String kind, List<byte[]> parts) {
        boolean subscribed = !kind.contains("unsubscribe");
        SubscriptionKind which = switch (kind) {
            case "subscribe", "unsubscribe" -> SubscriptionKind.CHANNEL;
            case "psubscribe", "punsubscribe" -> SubscriptionKind.PATTERN;
            case "ssubscribe", "sunsubscribe" -> SubscriptionKind.SHARD_CHANNEL;
            default -> null;
        };
        if (which == null || !present(parts, 1)) {
            return;
        }
        K channel = codec.decodeKey(parts.get(0));
        each(l -> {
            if (subscribed) {
                l.subscribed(which, channel);
            } else {
                l.unsubscribed(which, channel);
            }
        });
    }

    private static boolean present(List<byte[]> parts, int count) {
        if (parts.size() < count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (parts.get(i) == null) {
                return false;
            }
        }
        return true;
    }

    private void each(Consumer<PubSubListener<K, V>> call) {
        for (PubSubListener<K, V> listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Pub/Sub listener {} failed", listener.getClass().getName(), e);
            }
        }
    }
}

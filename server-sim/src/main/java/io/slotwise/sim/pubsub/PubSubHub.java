package io.slotwise.sim.pubsub;

import io.netty.channel.Channel;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.GlobMatcher;
import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Pub/Sub state of one node: which clients subscribed to which channels, patterns and shard channels, and the
 * delivery of messages to them as Redis 7.0 does it. A message is written to each receiving connection at once, as a
 * push frame (RESP3) or an array (RESP2), ahead of any reply the connection still waits for. Subscribers of a channel
 * receive in the order they subscribed; pattern subscribers follow the channel's, pattern by pattern in the order the
 * patterns were first subscribed (Redis iterates a hash table there, so that order is unspecified).
 *
 * <p>A client's subscriptions are attached to its {@link ClientSession} on its first subscription and dropped when its
 * connection closes or it sends RESET. The node provides the hub as a service; the cluster bus delivers messages
 * published on other nodes through {@link #publish} and {@link #publishShard}.
 *
 * <p>Threading: used on the node's event loop only.
 */
public final class PubSubHub {
    private static final Comparator<Bytes> BY_SLOT_THEN_NAME = Comparator.comparingInt(
                    (Bytes name) -> KeySlot.of(name.toByteArray()))
            .thenComparing(name -> name);

    private final Map<SubscriptionKind, Map<Bytes, Set<ClientSession>>> subscribers =
            new EnumMap<>(SubscriptionKind.class);
    private final Map<ClientSession, SessionSubscriptions> sessions = new HashMap<>();

    /** Creates a hub without subscriptions. */
    public PubSubHub() {
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            subscribers.put(kind, new LinkedHashMap<>());
        }
    }

    /**
     * Subscribes a client (SUBSCRIBE, PSUBSCRIBE or SSUBSCRIBE of one name); subscribing twice changes nothing.
     *
     * @param session the client
     * @param kind what {@code name} is
     * @param name the channel or pattern; copied
     * @return the confirmation frame for the client, with its count after the subscription
     */
    public Reply subscribe(ClientSession session, SubscriptionKind kind, byte[] name) {
        SessionSubscriptions subscriptions = attach(session);
        Bytes key = Bytes.of(name);
        if (subscriptions.names(kind).add(key)) {
            subscribers
                    .get(kind)
                    .computeIfAbsent(key, k -> new LinkedHashSet<>())
                    .add(session);
        }
        return kind.subscribedFrame(name, subscriptions.countFor(kind));
    }

    /**
     * Unsubscribes a client from one name; a name it did not subscribe to is confirmed all the same, as in Redis.
     *
     * @param session the client
     * @param kind what {@code name} is
     * @param name the channel or pattern
     * @return the confirmation frame, with the client's count after the change
     */
    public Reply unsubscribe(ClientSession session, SubscriptionKind kind, byte[] name) {
        SessionSubscriptions subscriptions = sessions.get(session);
        if (subscriptions == null) {
            return kind.unsubscribedFrame(name, 0);
        }
        remove(session, subscriptions, kind, Bytes.of(name));
        return kind.unsubscribedFrame(name, subscriptions.countFor(kind));
    }

    /**
     * Unsubscribes a client from every name of one kind (UNSUBSCRIBE, PUNSUBSCRIBE or SUNSUBSCRIBE without arguments).
     *
     * @param session the client
     * @param kind the kind
     * @return one confirmation frame per name in subscription order, or a single frame with a null name if the client
     *     had none
     */
    public List<Reply> unsubscribeAll(ClientSession session, SubscriptionKind kind) {
        SessionSubscriptions subscriptions = sessions.get(session);
        List<Reply> frames = new ArrayList<>();
        if (subscriptions != null) {
            for (Bytes name : List.copyOf(subscriptions.names(kind))) {
                remove(session, subscriptions, kind, name);
                frames.add(kind.unsubscribedFrame(name.toByteArray(), subscriptions.countFor(kind)));
            }
        }
        if (frames.isEmpty()) {
            frames.add(kind.unsubscribedFrame(null, subscriptions == null ? 0 : subscriptions.countFor(kind)));
        }
        return frames;
    }

    /**
     * Delivers a PUBLISH to this node's clients: {@code message} to the channel's subscribers, {@code pmessage} to the
     * subscribers of every matching pattern.
     *
     * @param channel the channel
     * @param message the payload
     * @return the number of deliveries, as PUBLISH answers it (a client matched twice counts twice)
     */
    public int publish(byte[] channel, byte[] message) {
        int receivers = deliverToChannel(SubscriptionKind.CHANNEL, channel, message);
        for (Map.Entry<Bytes, Set<ClientSession>> pattern :
                List.copyOf(subscribers.get(SubscriptionKind.PATTERN).entrySet())) {
            byte[] glob = pattern.getKey().toByteArray();
            if (GlobMatcher.matches(glob, channel)) {
                Reply frame = SubscriptionKind.patternMessageFrame(glob, channel, message);
                for (ClientSession session : List.copyOf(pattern.getValue())) {
                    send(session, frame);
                    receivers++;
                }
            }
        }
        return receivers;
    }

    /**
     * Delivers an SPUBLISH to this node's subscribers of the shard channel (patterns do not apply).
     *
     * @param channel the shard channel
     * @param message the payload
     * @return the number of receivers
     */
    public int publishShard(byte[] channel, byte[] message) {
        return deliverToChannel(SubscriptionKind.SHARD_CHANNEL, channel, message);
    }

    /**
     * Lists the channels or shard channels with at least one subscriber (PUBSUB CHANNELS / SHARDCHANNELS).
     *
     * @param kind {@link SubscriptionKind#CHANNEL} or {@link SubscriptionKind#SHARD_CHANNEL}
     * @param patternOrNull a glob the names must match, or null for all
     * @return copies of the names, in the order they were first subscribed
     */
    public List<byte[]> activeNames(SubscriptionKind kind, byte[] patternOrNull) {
        List<byte[]> names = new ArrayList<>();
        for (Bytes name : subscribers.get(kind).keySet()) {
            byte[] bytes = name.toByteArray();
            if (patternOrNull == null || GlobMatcher.matches(patternOrNull, bytes)) {
                names.add(bytes);
            }
        }
        return names;
    }

    /**
     * Counts the clients subscribed to one name (PUBSUB NUMSUB / SHARDNUMSUB).
     *
     * @param kind the kind
     * @param name the name
     * @return the number of clients, 0 if none
     */
    public int subscriberCount(SubscriptionKind kind, byte[] name) {
        Set<ClientSession> clients = subscribers.get(kind).get(Bytes.of(name));
        return clients == null ? 0 : clients.size();
    }

    /** Returns the number of distinct patterns with subscribers (PUBSUB NUMPAT). */
    public int patternCount() {
        return subscribers.get(SubscriptionKind.PATTERN).size();
    }

    /**
     * Unsubscribes every client from the shard channels of slots this node's shard no longer serves, telling each
     * with an {@code sunsubscribe} frame, as Redis 7.0 does when a slot is deleted. Channels go by slot, then name.
     *
     * @param lostSlots the slots
     */
    public void dropShardChannelsIn(BitSet lostSlots) {
        Map<Bytes, Set<ClientSession>> shardChannels = subscribers.get(SubscriptionKind.SHARD_CHANNEL);
        List<Bytes> lost = shardChannels.keySet().stream()
                .filter(name -> lostSlots.get(KeySlot.of(name.toByteArray())))
                .sorted(BY_SLOT_THEN_NAME)
                .toList();
        for (Bytes name : lost) {
            for (ClientSession session : List.copyOf(shardChannels.get(name))) {
                SessionSubscriptions subscriptions = sessions.get(session);
                remove(session, subscriptions, SubscriptionKind.SHARD_CHANNEL, name);
                send(
                        session,
                        SubscriptionKind.SHARD_CHANNEL.unsubscribedFrame(
                                name.toByteArray(), subscriptions.countFor(SubscriptionKind.SHARD_CHANNEL)));
            }
        }
    }

    /**
     * Writes a frame to a client's connection at once and flushes it; nothing if the connection is closed.
     *
     * @param session the client
     * @param frame the frame
     */
    void send(ClientSession session, Reply frame) {
        Channel channel = session.channel();
        if (channel.isActive()) {
            channel.writeAndFlush(frame, channel.voidPromise());
        }
    }

    private int deliverToChannel(SubscriptionKind kind, byte[] channel, byte[] message) {
        Set<ClientSession> clients = subscribers.get(kind).get(Bytes.of(channel));
        if (clients == null) {
            return 0;
        }
        Reply frame = kind.messageFrame(channel, message);
        List<ClientSession> receivers = List.copyOf(clients);
        receivers.forEach(session -> send(session, frame));
        return receivers.size();
    }

    private SessionSubscriptions attach(ClientSession session) {
        SessionSubscriptions existing = sessions.get(session);
        if (existing != null) {
            return existing;
        }
        SessionSubscriptions created = new SessionSubscriptions(() -> dropAll(session));
        sessions.put(session, created);
        session.attachSubscriptions(created);
        session.channel().closeFuture().addListener(closed -> {
            dropAll(session);
            sessions.remove(session);
        });
        return created;
    }

    private void dropAll(ClientSession session) {
        SessionSubscriptions subscriptions = sessions.get(session);
        if (subscriptions == null) {
            return;
        }
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            for (Bytes name : List.copyOf(subscriptions.names(kind))) {
                remove(session, subscriptions, kind, name);
            }
        }
    }

    private void remove(ClientSession session, SessionSubscriptions subscriptions, SubscriptionKind kind, Bytes name) {
        Objects.requireNonNull(subscriptions, "subscriptions");
        if (!subscriptions.names(kind).remove(name)) {
            return;
        }
        Map<Bytes, Set<ClientSession>> index = subscribers.get(kind);
        Set<ClientSession> clients = index.get(name);
        clients.remove(session);
        if (clients.isEmpty()) {
            index.remove(name);
        }
    }
}

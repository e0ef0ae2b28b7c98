package io.slotwise.sim.pubsub;

import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.server.ClientSubscriptions;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One client's subscriptions, by kind, in subscription order (the order UNSUBSCRIBE without arguments reports them;
 * Redis uses its hash-table order there). The {@link PubSubHub} keeps the reverse index and changes both together.
 *
 * <p>Threading: used on the node's event loop only.
 */
final class SessionSubscriptions implements ClientSubscriptions {
    private final Map<SubscriptionKind, Set<Bytes>> names = new EnumMap<>(SubscriptionKind.class);
    private final Runnable dropAll;

    SessionSubscriptions(Runnable dropAll) {
        this.dropAll = dropAll;
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            names.put(kind, new LinkedHashSet<>());
        }
    }

    /** The names of one kind; the hub changes the set. */
    Set<Bytes> names(SubscriptionKind kind) {
        return names.get(kind);
    }

    /** The count a confirmation of this kind reports (Redis's {@code subscriptionCount} of the kind). */
    int countFor(SubscriptionKind kind) {
        return kind == SubscriptionKind.SHARD_CHANNEL ? shardChannelCount() : channelCount() + patternCount();
    }

    @Override
    public int channelCount() {
        return names.get(SubscriptionKind.CHANNEL).size();
    }

    @Override
    public int patternCount() {
        return names.get(SubscriptionKind.PATTERN).size();
    }

    @Override
    public int shardChannelCount() {
        return names.get(SubscriptionKind.SHARD_CHANNEL).size();
    }

    @Override
    public void dropAll() {
        dropAll.run();
    }

    /** Shows the counts only. */
    @Override
    public String toString() {
        return "SessionSubscriptions[sub=" + channelCount() + ", psub=" + patternCount() + ", ssub="
                + shardChannelCount() + "]";
    }
}

package io.slotwise.netty.pubsub;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.pubsub.SubscriptionKind;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic half of a {@link SubscriptionEngine}: channels and patterns share one {@link SubscriberLink}, to the node
 * {@link ClassicNodeChoice} picks. It moves to another node, subscribing everything again, when its node leaves the
 * topology or a reconnect attempt fails; after a successful reconnect, or when a subscription on it failed, everything
 * is subscribed again on the same node.
 *
 * <p>Threading: confined to the engine's event loop; every method must be called there. The wanted sets it reads are
 * the engine's.
 */
final class ClassicSubscriptions {

    /** The engine's logger: these are the engine's decisions. */
    private static final Logger log = LoggerFactory.getLogger(SubscriptionEngine.class);

    private final SubscriberEnvironment env;
    private final Map<SubscriptionKind, Set<ChannelName>> wanted;
    private final SubscriptionHost host;
    private final LoopSteps steps;

    private SubscriberLink link;
    private boolean stale;

    /**
     * Creates the classic half, with no link yet.
     *
     * @param env the client's environment
     * @param wanted the engine's wanted names per kind; this reads channels and patterns, and removes names the node
     *     refused
     * @param host the owning engine
     * @param steps the engine's event loop
     */
    ClassicSubscriptions(
            SubscriberEnvironment env,
            Map<SubscriptionKind, Set<ChannelName>> wanted,
            SubscriptionHost host,
            LoopSteps steps) {
        this.env = env;
        this.wanted = wanted;
        this.host = host;
        this.steps = steps;
    }

    /**
     * Subscribes names already added to the wanted set, opening the link first if there is none.
     *
     * @param kind {@link SubscriptionKind#CHANNEL} or {@link SubscriptionKind#PATTERN}
     * @param names the names, in the caller's order
     * @param added those of {@code names} that were not wanted before: forgotten again if the node refuses them
     * @return completes when the node confirmed; fails when no node is known (a retry is scheduled), the link failed
     *     (the link is marked for re-subscription), or the node answered an error
     */
    CompletionStage<Void> subscribe(SubscriptionKind kind, List<ChannelName> names, Set<ChannelName> added) {
        SubscriberLink link = link();
        if (link == null) {
            host.scheduleRetry();
            return CompletableFuture.failedFuture(new RedisConnectionException(
                    "No node is known to subscribe on; retrying in the background", null, false));
        }
        String command = kind == SubscriptionKind.CHANNEL ? "SUBSCRIBE" : "PSUBSCRIBE";
        return steps.after(link.send(command, names), (reply, failure) -> {
            if (failure != null) {
                if (this.link == link) {
                    stale = true;
                }
                host.scheduleRetry();
                throw failure;
            }
            if (reply.withoutAttributes() instanceof RespValue.Error error) {
                wanted.get(kind).removeAll(added);
                throw new RedisCommandException(command, error.message());
            }
            return null;
        });
    }

    /**
     * Unsubscribes names already removed from the wanted set; closes the link once nothing classic is wanted.
     *
     * @param kind {@link SubscriptionKind#CHANNEL} or {@link SubscriptionKind#PATTERN}
     * @param names the names
     * @return as judged by {@link UnsubscribeOutcome}; completes at once when there is no link
     */
    CompletionStage<Void> unsubscribe(SubscriptionKind kind, List<ChannelName> names) {
        SubscriberLink link = this.link;
        if (link == null) {
            return CompletableFuture.completedFuture(null);
        }
        String command = kind == SubscriptionKind.CHANNEL ? "UNSUBSCRIBE" : "PUNSUBSCRIBE";
        return steps.after(link.send(command, names), (reply, failure) -> {
            if (this.link == link
                    && wanted.get(SubscriptionKind.CHANNEL).isEmpty()
                    && wanted.get(SubscriptionKind.PATTERN).isEmpty()) {
                this.link = null;
                host.closeLink(link);
            }
            return UnsubscribeOutcome.of(command, reply, failure);
        });
    }

    /**
     * Re-plans, if anything classic is wanted: moves to another node when there is no link or its node left a
     * non-empty topology; else subscribes everything again if a subscription on the link failed.
     *
     * @param topology the topology to judge the link's node by
     */
    void reconcile(ClusterTopology topology) {
        if (wanted.get(SubscriptionKind.CHANNEL).isEmpty()
                && wanted.get(SubscriptionKind.PATTERN).isEmpty()) {
            return;
        }
        if (link == null
                || (topology.nodeAt(link.node()).isEmpty() && !topology.nodes().isEmpty())) {
            move(link == null ? null : link.node());
        } else if (stale) {
            resubscribe(link);
        }
    }

    /**
     * A link reconnected: if it is the classic link, subscribes everything again on it.
     *
     * @return whether it is the classic link
     */
    boolean reconnected(SubscriberLink link) {
        if (link != this.link) {
            return false;
        }
        resubscribe(link);
        return true;
    }

    /** A link is in trouble: if it is the classic link and an attempt to (re)open it failed, moves to another node. */
    void troubled(SubscriberLink link, boolean attemptFailed) {
        if (link == this.link && attemptFailed) {
            move(link.node());
        }
    }

    /** Forgets the link without closing it: the engine is closing every link. */
    void forget() {
        link = null;
    }

    private SubscriberLink link() {
        if (link == null) {
            NodeAddress node = chooseNode(null);
            if (node != null) {
                link = host.openLink(node);
                stale = false;
            }
        }
        return link;
    }

    private NodeAddress chooseNode(NodeAddress avoid) {
        return ClassicNodeChoice.choose(
                env.topology().get(),
                wanted.get(SubscriptionKind.CHANNEL),
                avoid,
                env.unreachable(),
                ThreadLocalRandom.current());
    }

    private void move(NodeAddress avoid) {
        SubscriberLink old = link;
        link = null;
        if (old != null) {
            host.closeLink(old);
        }
        NodeAddress node = chooseNode(avoid);
        if (node == null) {
            env.refresh().get();
            host.scheduleRetry();
            return;
        }
        log.debug("Moving classic subscriptions to {}", node);
        link = host.openLink(node);
        resubscribe(link);
    }

    private void resubscribe(SubscriberLink link) {
        stale = false;
        resendAll(link, "SUBSCRIBE", wanted.get(SubscriptionKind.CHANNEL));
        resendAll(link, "PSUBSCRIBE", wanted.get(SubscriptionKind.PATTERN));
    }

    private void resendAll(SubscriberLink link, String command, Set<ChannelName> names) {
        if (names.isEmpty()) {
            return;
        }
        steps.after(link.send(command, List.copyOf(names)), (reply, failure) -> {
            if ((failure != null || reply.withoutAttributes() instanceof RespValue.Error) && this.link == link) {
                log.debug("Re-subscribing on {} failed; retrying", link.node(), failure);
                stale = true;
                host.scheduleRetry();
            }
            return null;
        });
    }
}

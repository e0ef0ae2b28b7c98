package io.slotwise.netty.pubsub;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisException;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sharded half of a {@link SubscriptionEngine}: shard channels are placed on the primary owning their slot, one
 * {@link SubscriberLink} per such primary, one {@code SSUBSCRIBE} per slot; a {@code MOVED} answer is followed (and
 * refreshes the topology), at most {@link #MAX_REDIRECTS} times. Re-planning ({@link ShardPlacement}) subscribes what
 * is misplaced on its owner; links left without channels are closed.
 *
 * <p>Threading: confined to the engine's event loop; every method must be called there. The wanted set it reads is the
 * engine's.
 */
final class ShardSubscriptions {

    /** How many {@code MOVED} answers one {@code SSUBSCRIBE} follows. */
    static final int MAX_REDIRECTS = 5;

    /** The engine's logger: these are the engine's decisions. */
    private static final Logger log = LoggerFactory.getLogger(SubscriptionEngine.class);

    private final SubscriberEnvironment env;
    private final Set<ChannelName> wanted;
    private final SubscriptionHost host;
    private final LoopSteps steps;

    private final Map<NodeAddress, SubscriberLink> links = new HashMap<>();
    private final Map<ChannelName, NodeAddress> placed = new HashMap<>();

    /**
     * Creates the sharded half, with no links yet.
     *
     * @param env the client's environment
     * @param wanted the engine's wanted shard channels; this removes channels the nodes refused
     * @param host the owning engine
     * @param steps the engine's event loop
     */
    ShardSubscriptions(SubscriberEnvironment env, Set<ChannelName> wanted, SubscriptionHost host, LoopSteps steps) {
        this.env = env;
        this.wanted = wanted;
        this.host = host;
        this.steps = steps;
    }

    /**
     * The shard channel a node reports dropped, if {@code push} is such a report.
     *
     * @param push any push of a subscriber link
     * @return the channel of a {@code sunsubscribe} push, or null for any other push
     */
    static ChannelName unsubscribedChannel(RespValue.Push push) {
        if (push.kind().equals("sunsubscribe")
                && !push.data().isEmpty()
                && push.data().get(0).withoutAttributes() instanceof RespValue.Bulk bulk) {
            return new ChannelName(bulk.bytes());
        }
        return null;
    }

    /**
     * Subscribes shard channels already added to the wanted set, each slot's channels on the slot's owner; refreshes
     * the topology first for a slot it does not know an owner of.
     *
     * @param names the channels, in the caller's order
     * @param added those of {@code names} that were not wanted before: forgotten again if a node refuses them
     * @return completes when every slot's owner confirmed; fails on a link failure or a slot still without owner (a
     *     retry is scheduled) or an error answer that is not a redirect to follow
     */
    CompletionStage<Void> subscribe(List<ChannelName> names, Set<ChannelName> added) {
        ClusterTopology topology = env.topology().get();
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        ShardPlacement.bySlot(names).forEach((slot, channels) -> {
            Shard shard = topology.shardForSlot(slot);
            CompletionStage<Void> part;
            if (shard != null) {
                part = subscribeSlot(shard.primary().address(), channels, added, MAX_REDIRECTS);
            } else {
                part = env.refresh()
                        .get()
                        .thenComposeAsync(
                                ignored -> {
                                    Shard refreshed = env.topology().get().shardForSlot(slot);
                                    if (refreshed == null) {
                                        host.scheduleRetry();
                                        throw new RedisException(
                                                "No node serves slot " + slot + "; retrying in the background");
                                    }
                                    return subscribeSlot(refreshed.primary().address(), channels, added, MAX_REDIRECTS);
                                },
                                steps.loop());
            }
            parts.add(part.toCompletableFuture());
        });
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    }

    /**
     * Unsubscribes shard channels already removed from the wanted set, on the nodes they are placed on, one {@code
     * SUNSUBSCRIBE} per slot; then closes links left idle.
     *
     * @param names the channels
     * @return as judged by {@link UnsubscribeOutcome}; completes at once for channels placed nowhere
     */
    CompletionStage<Void> unsubscribe(List<ChannelName> names) {
        Map<NodeAddress, List<ChannelName>> byNode = new HashMap<>();
        for (ChannelName name : names) {
            NodeAddress node = placed.remove(name);
            if (node != null) {
                byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(name);
            }
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        byNode.forEach((node, channels) -> {
            SubscriberLink link = links.get(node);
            if (link != null) {
                ShardPlacement.bySlot(channels)
                        .forEach((slot, group) -> parts.add(steps.after(
                                        link.send("SUNSUBSCRIBE", group),
                                        (reply, failure) -> UnsubscribeOutcome.of("SUNSUBSCRIBE", reply, failure))
                                .toCompletableFuture()));
            }
        });
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((ok, e) -> closeIdleLinks(), steps.loop());
    }

    /**
     * Re-plans: subscribes every wanted channel that is not placed on its slot's owner there (failures schedule a
     * retry), asks for a refresh and a retry when a slot has no owner, and closes links left idle.
     *
     * @param topology the topology to plan by
     */
    void reconcile(ClusterTopology topology) {
        ShardPlacement plan = ShardPlacement.plan(wanted, placed, topology);
        plan.subscribe()
                .forEach((owner, slots) -> slots.values()
                        .forEach(channels -> subscribeSlot(owner, channels, Set.of(), MAX_REDIRECTS)
                                .whenComplete((ok, failure) -> {
                                    if (failure != null) {
                                        log.debug(
                                                "Re-subscribing shard channels on {} failed; retrying", owner, failure);
                                        host.scheduleRetry();
                                    }
                                })));
        if (!plan.uncovered().isEmpty()) {
            env.refresh().get();
            host.scheduleRetry();
        }
        closeIdleLinks();
    }

    /**
     * A node dropped a shard channel, by our request or on its own because it lost the slot.
     *
     * @return whether the channel is still wanted and was placed on that link's node (now no longer): it must be
     *     re-placed
     */
    boolean dropped(SubscriberLink link, ChannelName channel) {
        return wanted.contains(channel) && placed.remove(channel, link.node());
    }

    /**
     * A link reconnected: if it is this half's link to its node, the node holds none of its channels any more.
     *
     * @return whether it is such a link (its channels are now unplaced and must be re-placed)
     */
    boolean reconnected(SubscriberLink link) {
        if (links.get(link.node()) != link) {
            return false;
        }
        placed.values().removeIf(link.node()::equals);
        return true;
    }

    /** Forgets every link without closing it: the engine is closing every link. */
    void forget() {
        links.clear();
    }

    /** Sends one {@code SSUBSCRIBE} for channels of one slot to {@code owner}, following {@code MOVED}. */
    private CompletionStage<Void> subscribeSlot(
            NodeAddress owner, List<ChannelName> channels, Set<ChannelName> added, int redirectsLeft) {
        SubscriberLink link = links.computeIfAbsent(owner, host::openLink);
        for (ChannelName channel : channels) {
            placed.put(channel, owner);
        }
        return steps.after(link.send("SSUBSCRIBE", channels), (reply, failure) -> {
                    if (failure != null) {
                        unplace(channels, owner);
                        host.scheduleRetry();
                        throw failure;
                    }
                    if (!(reply.withoutAttributes() instanceof RespValue.Error error)) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    unplace(channels, owner);
                    Redirect redirect =
                            Redirect.parse(error.message(), owner.host()).orElse(null);
                    if (redirect != null && redirectsLeft > 0) {
                        env.refresh().get();
                        return subscribeSlot(redirect.target(), channels, added, redirectsLeft - 1);
                    }
                    channels.stream().filter(added::contains).forEach(wanted::remove);
                    closeIdleLinks();
                    throw new RedisCommandException("SSUBSCRIBE", error.message());
                })
                .thenCompose(stage -> stage);
    }

    private void unplace(List<ChannelName> channels, NodeAddress owner) {
        for (ChannelName channel : channels) {
            placed.remove(channel, owner);
        }
    }

    private void closeIdleLinks() {
        Set<NodeAddress> used = Set.copyOf(placed.values());
        links.entrySet().removeIf(entry -> {
            if (used.contains(entry.getKey())) {
                return false;
            }
            host.closeLink(entry.getValue());
            return true;
        });
    }
}

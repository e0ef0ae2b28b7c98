package io.slotwise.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.api.AsyncCommands;
import io.slotwise.it.fixture.RespReply;
import io.slotwise.netty.pubsub.NettyClusterSubscriber;
import io.slotwise.pubsub.ClusterSubscriber;
import io.slotwise.pubsub.SubscriptionKind;
import io.slotwise.routing.SlotHash;
import io.slotwise.topology.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cluster Pub/Sub through the client: classic, pattern and sharded messages arrive in RESP2 and RESP3; shard channels
 * of different slots live on different primaries; a shard channel follows its slot to another primary, and classic and
 * sharded subscriptions survive a primary's failover; unsubscribing stops delivery; closing the subscriber or the
 * client leaves no subscription on any node.
 *
 * <p>Needs three primaries with a replica each and a short node timeout (failover). The failover test kills the third
 * primary; the others look owners up when they start, so the tests share one cluster in any order.
 */
public abstract class PubSubBehaviour {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(60);

    private final ClusterBackend backend;

    /** Runs the behaviour against {@code backend}. */
    protected PubSubBehaviour(ClusterBackend backend) {
        this.backend = backend;
    }

    @ParameterizedTest(name = "resp3={0}")
    @ValueSource(booleans = {true, false})
    void classicPatternAndShardMessagesArriveOnEveryProtocol(boolean resp3) {
        backend.awaitHealthy(LIMIT);
        String tag = resp3 ? "r3" : "r2";
        List<BackendNode> owners = liveOwners();
        String shardA = channelOn(owners.get(0), "shard-a-" + tag + ":");
        String shardB = channelOn(owners.get(1), "shard-b-" + tag + ":");
        try (ObservedClient observed = ObservedClient.connect(backend, options -> options.resp3(resp3));
                ClusterSubscriber<String, String> subscriber = observed.client().pubSub()) {
            PubSubInbox inbox = new PubSubInbox();
            subscriber.addListener(inbox);
            Calls.value(subscriber.subscribe(List.of("news-" + tag)));
            Calls.value(subscriber.psubscribe(List.of("alerts-" + tag + ".*")));
            Calls.value(subscriber.ssubscribe(List.of(shardA, shardB)));
            AsyncCommands<String, String> client = observed.commands();

            assertEquals(1L, Calls.value(client.spublish(shardA, "sa")));
            assertEquals(1L, Calls.value(client.spublish(shardB, "sb")));
            Calls.value(client.publish("news-" + tag, "hello"));
            Calls.value(client.publish("alerts-" + tag + ".fire", "hot"));

            Await.until(
                    "every message arrived",
                    LIMIT,
                    () -> inbox.has("smessage|" + shardA + "|sa")
                            && inbox.has("smessage|" + shardB + "|sb")
                            && inbox.has("message|news-" + tag + "|hello")
                            && inbox.has("pmessage|alerts-" + tag + ".*|alerts-" + tag + ".fire|hot"),
                    inbox::toString);
            assertTrue(
                    ((NettyClusterSubscriber<?, ?>) subscriber)
                            .connectedNodes()
                            .containsAll(List.of(address(owners.get(0)), address(owners.get(1)))),
                    "the two shard channels live on two primaries, each with its own connection");
            assertEquals(
                    Map.of(shardA, 1L, shardB, 1L), Calls.value(client.pubsubShardNumsub(List.of(shardA, shardB))));
            assertEquals(Map.of("news-" + tag, 1L), Calls.value(client.pubsubNumsub(List.of("news-" + tag))));
            assertTrue(Calls.value(client.pubsubChannels()).contains("news-" + tag));
            assertTrue(Calls.value(client.pubsubNumpat()) >= 1);
        }
    }

    @Test
    void shardChannelFollowsItsSlotWhenTheSlotMovesToAnotherPrimary() {
        backend.awaitHealthy(LIMIT);
        List<BackendNode> owners = liveOwners();
        BackendNode source = owners.get(0);
        BackendNode target = owners.get(1);
        String channel = channelOn(source, "moving-shard:");
        try (ObservedClient observed = ObservedClient.connect(backend);
                ClusterSubscriber<String, String> subscriber = observed.client().pubSub()) {
            PubSubInbox inbox = new PubSubInbox();
            subscriber.addListener(inbox);
            Calls.value(subscriber.ssubscribe(List.of(channel)));
            Calls.value(observed.commands().spublish(channel, "before"));
            Await.until(
                    "the message before the move arrived", LIMIT, () -> inbox.has("smessage|" + channel + "|before"));

            int slot = SlotHash.slot(channel);
            SlotMigration migration = backend.beginMigration(slot, source, target);
            while (migration.migrateBatch(100) > 0) {
                // the slot holds no keys in this test; migrate whatever is there
            }
            migration.finish(backend.primaries());
            assertEquals(target, backend.slotOwner(slot));

            awaitDeliveredAfter("the slot moved", observed.commands(), inbox, channel, true, LIMIT);
            assertEquals(
                    Map.of(channel, 1L),
                    Calls.value(observed.commands().pubsubShardNumsub(List.of(channel))),
                    "subscribed once, on the new owner");
        }
    }

    @Test
    void classicAndShardSubscriptionsSurviveAPrimaryFailover() {
        backend.awaitHealthy(FAILOVER_LIMIT);
        BackendNode victim = backend.primaries().get(2);
        String channel = channelOn(victim, "failover-news:");
        String shardChannel = channelOn(victim, "failover-shard:");
        try (ObservedClient observed = ObservedClient.connect(backend);
                ClusterSubscriber<String, String> subscriber = observed.client().pubSub()) {
            PubSubInbox inbox = new PubSubInbox();
            subscriber.addListener(inbox);
            Calls.value(subscriber.subscribe(List.of(channel)));
            Calls.value(subscriber.ssubscribe(List.of(shardChannel)));
            Calls.value(observed.commands().publish(channel, "before"));
            Calls.value(observed.commands().spublish(shardChannel, "before"));
            Await.until(
                    "both messages before the failover arrived",
                    LIMIT,
                    () -> inbox.has("message|" + channel + "|before")
                            && inbox.has("smessage|" + shardChannel + "|before"),
                    inbox::toString);

            backend.kill(victim);
            Await.until(
                    "a replica took over the victim's slots",
                    FAILOVER_LIMIT,
                    () -> !victimOwns(victim, SlotHash.slot(shardChannel)));
            assertNotEquals(victim, backend.slotOwner(SlotHash.slot(shardChannel)));

            awaitDeliveredAfter("the failover", observed.commands(), inbox, shardChannel, true, FAILOVER_LIMIT);
            awaitDeliveredAfter("the failover", observed.commands(), inbox, channel, false, FAILOVER_LIMIT);
        }
    }

    @Test
    void unsubscribingStopsDelivery() {
        backend.awaitHealthy(LIMIT);
        try (ObservedClient observed = ObservedClient.connect(backend);
                ClusterSubscriber<String, String> subscriber = observed.client().pubSub()) {
            PubSubInbox inbox = new PubSubInbox();
            subscriber.addListener(inbox);
            AsyncCommands<String, String> client = observed.commands();
            // Same slot, so both are published by one node and arrive in publishing order.
            Calls.value(subscriber.subscribe(List.of("{unsub}gone", "{unsub}kept")));
            Calls.value(subscriber.ssubscribe(List.of("{sunsub}gone", "{sunsub}kept")));
            Calls.value(subscriber.unsubscribe(List.of("{unsub}gone")));
            Calls.value(subscriber.sunsubscribe(List.of("{sunsub}gone")));

            assertEquals(0L, Calls.value(client.spublish("{sunsub}gone", "late")));
            Calls.value(client.publish("{unsub}gone", "late"));
            Calls.value(client.spublish("{sunsub}kept", "marker"));
            Calls.value(client.publish("{unsub}kept", "marker"));
            Await.until(
                    "the markers arrived",
                    LIMIT,
                    () -> inbox.has("smessage|{sunsub}kept|marker") && inbox.has("message|{unsub}kept|marker"),
                    inbox::toString);
            assertFalse(inbox.hasPrefix("message|{unsub}gone"), inbox::toString);
            assertFalse(inbox.hasPrefix("smessage|{sunsub}gone"), inbox::toString);
            assertEquals(List.of("{unsub}kept"), List.copyOf(subscriber.subscriptions(SubscriptionKind.CHANNEL)));
        }
    }

    @Test
    void closingTheSubscriberOrTheClientLeavesNoSubscriptionOnAnyNode() {
        backend.awaitHealthy(LIMIT);
        List<String> channels = List.of("closing-a", "closing-b");
        List<String> shardChannels = KeyPerSlot.matching("closing-shard:", 6, slot -> true);
        ObservedClient observed = ObservedClient.connect(backend);
        try {
            ClusterSubscriber<String, String> first = observed.client().pubSub();
            ClusterSubscriber<String, String> second = observed.client().pubSub();
            for (ClusterSubscriber<String, String> subscriber : List.of(first, second)) {
                Calls.value(subscriber.subscribe(channels));
                Calls.value(subscriber.psubscribe(List.of("closing-*")));
                Calls.value(subscriber.ssubscribe(shardChannels));
            }
            assertEquals(2 * shardChannels.size(), subscriberCount(shardChannels, true));

            first.close();
            assertTrue(((NettyClusterSubscriber<?, ?>) first).connectedNodes().isEmpty());
            Await.until(
                    "the first subscriber's subscriptions are gone",
                    LIMIT,
                    () -> subscriberCount(shardChannels, true) == shardChannels.size()
                            && subscriberCount(channels, false) == channels.size());
        } finally {
            observed.close();
        }
        Await.until(
                "no node has a subscriber left after the client closed",
                LIMIT,
                () -> subscriberCount(shardChannels, true) == 0
                        && subscriberCount(channels, false) == 0
                        && patternCount() == 0);
    }

    /** Publishes a new message every poll until one arrives, and checks it arrived only once per publish. */
    private static void awaitDeliveredAfter(
            String event,
            AsyncCommands<String, String> client,
            PubSubInbox inbox,
            String channel,
            boolean sharded,
            Duration limit) {
        AtomicInteger sent = new AtomicInteger();
        String kind = sharded ? "smessage|" : "message|";
        Await.until(
                "a message published after " + event + " arrives on " + (sharded ? "shard channel " : "channel ")
                        + channel,
                limit,
                () -> {
                    String payload = "after-" + sent.incrementAndGet();
                    try {
                        if (sharded) {
                            Calls.value(client.spublish(channel, payload));
                        } else {
                            Calls.value(client.publish(channel, payload));
                        }
                    } catch (RuntimeException | AssertionError e) {
                        return false;
                    }
                    return inbox.hasPrefix(kind + channel + "|after-");
                },
                inbox::toString);
    }

    private static NodeAddress address(BackendNode node) {
        return NodeAddress.parse(node.host() + ":" + node.port());
    }

    private boolean victimOwns(BackendNode victim, int slot) {
        try {
            return backend.slotOwner(slot).equals(victim);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The live primaries owning slots now, in slot order of their first slot. */
    private List<BackendNode> liveOwners() {
        return backend.primaries().stream()
                .map(node -> backend.slotOwner(firstSlotOf(node)))
                .distinct()
                .toList();
    }

    private int firstSlotOf(BackendNode formedPrimary) {
        int index = backend.primaries().indexOf(formedPrimary);
        return index * (SlotHash.SLOT_COUNT / backend.primaries().size()) + 1;
    }

    /** A channel name starting with {@code prefix} whose slot {@code owner} serves now. */
    private String channelOn(BackendNode owner, String prefix) {
        BackendNode live = backend.slotOwner(firstSlotOf(backend.primaries().get(0)));
        IntPredicate owned = SlotOwners.read(backend, live).ownedBy(owner);
        return KeyPerSlot.matching(prefix, 1, owned).get(0);
    }

    /** Subscribers of the channels summed over every live node ({@code SHARDNUMSUB} or {@code NUMSUB}). */
    private long subscriberCount(List<String> channels, boolean sharded) {
        long total = 0;
        for (BackendNode node : liveNodes()) {
            Object[] args = new Object[channels.size() + 2];
            args[0] = "PUBSUB";
            args[1] = sharded ? "SHARDNUMSUB" : "NUMSUB";
            for (int i = 0; i < channels.size(); i++) {
                args[i + 2] = channels.get(i);
            }
            List<RespReply> pairs = backend.call(node, args).elements();
            for (int i = 1; i < pairs.size(); i += 2) {
                total += pairs.get(i).integer();
            }
        }
        return total;
    }

    private long patternCount() {
        long total = 0;
        for (BackendNode node : liveNodes()) {
            total += backend.call(node, "PUBSUB", "NUMPAT").integer();
        }
        return total;
    }

    private List<BackendNode> liveNodes() {
        return backend.nodes().stream()
                .filter(node -> {
                    try {
                        backend.call(node, "PING");
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                })
                .toList();
    }
}

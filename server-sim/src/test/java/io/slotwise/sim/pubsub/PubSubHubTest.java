package io.slotwise.sim.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientRegistry;
import io.slotwise.sim.server.ClientSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub's bookkeeping and deliveries, on embedded channels that collect the frames written to each client. */
class PubSubHubTest {
    private final PubSubHub hub = new PubSubHub();
    private final ClientRegistry clients = new ClientRegistry(() -> false);
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() {
        channels.forEach(channel -> assertFalse(channel.finishAndReleaseAll()));
    }

    @Test
    void confirmationsCountChannelsAndPatternsTogetherAndShardChannelsApart() {
        ClientSession client = client();

        assertEquals(frame("subscribe", "a", 1), hub.subscribe(client, SubscriptionKind.CHANNEL, bytes("a")));
        assertEquals(frame("psubscribe", "p*", 2), hub.subscribe(client, SubscriptionKind.PATTERN, bytes("p*")));
        assertEquals(frame("ssubscribe", "s", 1), hub.subscribe(client, SubscriptionKind.SHARD_CHANNEL, bytes("s")));
        assertEquals(frame("subscribe", "a", 2), hub.subscribe(client, SubscriptionKind.CHANNEL, bytes("a")));
        assertEquals(frame("unsubscribe", "zz", 2), hub.unsubscribe(client, SubscriptionKind.CHANNEL, bytes("zz")));
        assertEquals(frame("unsubscribe", "a", 1), hub.unsubscribe(client, SubscriptionKind.CHANNEL, bytes("a")));

        assertEquals(1, client.subscriptions().patternCount());
        assertEquals(1, client.subscriptions().shardChannelCount());
        assertTrue(client.subscribed());
    }

    @Test
    void unsubscribingAllReportsEachNameInSubscriptionOrderOrOneNullFrame() {
        ClientSession client = client();
        hub.subscribe(client, SubscriptionKind.CHANNEL, bytes("b"));
        hub.subscribe(client, SubscriptionKind.CHANNEL, bytes("a"));

        assertEquals(
                List.of(frame("unsubscribe", "b", 1), frame("unsubscribe", "a", 0)),
                hub.unsubscribeAll(client, SubscriptionKind.CHANNEL));
        assertEquals(
                List.of(Reply.push(Reply.bulk("unsubscribe"), Reply.nullBulk(), Reply.integer(0))),
                hub.unsubscribeAll(client, SubscriptionKind.CHANNEL));
        assertEquals(
                List.of(Reply.push(Reply.bulk("sunsubscribe"), Reply.nullBulk(), Reply.integer(0))),
                hub.unsubscribeAll(client(), SubscriptionKind.SHARD_CHANNEL));
        assertFalse(client.subscribed());
    }

    @Test
    void publishCountsOneDeliveryPerSubscriptionAndPatternsFollowTheChannel() {
        ClientSession both = client();
        ClientSession patternOnly = client();
        hub.subscribe(both, SubscriptionKind.CHANNEL, bytes("news"));
        hub.subscribe(both, SubscriptionKind.PATTERN, bytes("n?ws"));
        hub.subscribe(patternOnly, SubscriptionKind.PATTERN, bytes("n[a-f]*"));
        hub.subscribe(patternOnly, SubscriptionKind.PATTERN, bytes("x*"));

        assertEquals(3, hub.publish(bytes("news"), bytes("hi")));

        assertEquals(
                List.of(
                        Reply.push(Reply.bulk("message"), Reply.bulk("news"), Reply.bulk("hi")),
                        Reply.push(Reply.bulk("pmessage"), Reply.bulk("n?ws"), Reply.bulk("news"), Reply.bulk("hi"))),
                written(both));
        assertEquals(
                List.of(Reply.push(
                        Reply.bulk("pmessage"), Reply.bulk("n[a-f]*"), Reply.bulk("news"), Reply.bulk("hi"))),
                written(patternOnly));
        assertEquals(0, hub.publish(bytes("other"), bytes("x")));
        assertEquals(0, hub.publishShard(bytes("news"), bytes("x")), "shard messages ignore plain subscriptions");
    }

    @Test
    void shardPublishReachesOnlyShardSubscribers() {
        ClientSession shard = client();
        ClientSession plain = client();
        hub.subscribe(shard, SubscriptionKind.SHARD_CHANNEL, bytes("orders"));
        hub.subscribe(plain, SubscriptionKind.PATTERN, bytes("*"));

        assertEquals(1, hub.publishShard(bytes("orders"), bytes("o1")));

        assertEquals(
                List.of(Reply.push(Reply.bulk("smessage"), Reply.bulk("orders"), Reply.bulk("o1"))), written(shard));
        assertEquals(List.of(), written(plain));
    }

    @Test
    void introspectionSeesOnlyNamesWithSubscribers() {
        ClientSession one = client();
        ClientSession two = client();
        hub.subscribe(one, SubscriptionKind.CHANNEL, bytes("chat:1"));
        hub.subscribe(two, SubscriptionKind.CHANNEL, bytes("chat:1"));
        hub.subscribe(two, SubscriptionKind.CHANNEL, bytes("log"));
        hub.subscribe(one, SubscriptionKind.PATTERN, bytes("a*"));
        hub.subscribe(two, SubscriptionKind.PATTERN, bytes("a*"));
        hub.subscribe(two, SubscriptionKind.SHARD_CHANNEL, bytes("s"));

        assertEquals(List.of("chat:1", "log"), names(hub.activeNames(SubscriptionKind.CHANNEL, null)));
        assertEquals(List.of("chat:1"), names(hub.activeNames(SubscriptionKind.CHANNEL, bytes("chat:*"))));
        assertEquals(List.of("s"), names(hub.activeNames(SubscriptionKind.SHARD_CHANNEL, null)));
        assertEquals(2, hub.subscriberCount(SubscriptionKind.CHANNEL, bytes("chat:1")));
        assertEquals(0, hub.subscriberCount(SubscriptionKind.CHANNEL, bytes("s")));
        assertEquals(1, hub.patternCount());

        hub.unsubscribe(one, SubscriptionKind.CHANNEL, bytes("chat:1"));
        hub.unsubscribe(two, SubscriptionKind.CHANNEL, bytes("log"));

        assertEquals(List.of("chat:1"), names(hub.activeNames(SubscriptionKind.CHANNEL, null)));
    }

    @Test
    void closingTheConnectionDropsEverySubscription() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ClientSession client = clients.open(channel, 0);
        hub.subscribe(client, SubscriptionKind.CHANNEL, bytes("a"));
        hub.subscribe(client, SubscriptionKind.PATTERN, bytes("*"));
        hub.subscribe(client, SubscriptionKind.SHARD_CHANNEL, bytes("s"));

        channel.close();

        assertEquals(0, hub.publish(bytes("a"), bytes("x")));
        assertEquals(0, hub.publishShard(bytes("s"), bytes("x")));
        assertEquals(0, hub.patternCount());
        assertFalse(client.subscribed());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void resetDropsSubscriptionsSilently() {
        ClientSession client = client();
        hub.subscribe(client, SubscriptionKind.CHANNEL, bytes("a"));

        client.reset(false);

        assertFalse(client.subscribed());
        assertEquals(0, hub.subscriberCount(SubscriptionKind.CHANNEL, bytes("a")));
        assertEquals(List.of(), written(client));
    }

    @Test
    void lostSlotsUnsubscribeTheirShardChannelsBySlotThenName() {
        ClientSession client = client();
        ClientSession other = client();
        List<String> names = List.of("{b}2", "{b}1", "{a}x", "kept");
        names.forEach(name -> hub.subscribe(client, SubscriptionKind.SHARD_CHANNEL, bytes(name)));
        hub.subscribe(other, SubscriptionKind.SHARD_CHANNEL, bytes("{a}x"));
        hub.subscribe(other, SubscriptionKind.CHANNEL, bytes("plain"));
        BitSet lost = new BitSet();
        lost.set(KeySlot.of(bytes("{a}")));
        lost.set(KeySlot.of(bytes("{b}")));
        boolean aFirst = KeySlot.of(bytes("{a}")) < KeySlot.of(bytes("{b}"));

        hub.dropShardChannelsIn(lost);

        List<Reply> expected = new ArrayList<>();
        List<String> order = aFirst ? List.of("{a}x", "{b}1", "{b}2") : List.of("{b}1", "{b}2", "{a}x");
        int remaining = 4;
        for (String name : order) {
            expected.add(frame("sunsubscribe", name, --remaining));
        }
        assertEquals(expected, written(client));
        assertEquals(List.of(frame("sunsubscribe", "{a}x", 0)), written(other));
        assertEquals(List.of("kept"), names(hub.activeNames(SubscriptionKind.SHARD_CHANNEL, null)));
        assertTrue(other.subscribed(), "a plain subscription keeps the client subscribed");
    }

    private ClientSession client() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channels.add(channel);
        return clients.open(channel, 0);
    }

    private static List<Reply> written(ClientSession client) {
        EmbeddedChannel channel = (EmbeddedChannel) client.channel();
        List<Reply> frames = new ArrayList<>();
        for (Object frame = channel.readOutbound(); frame != null; frame = channel.readOutbound()) {
            frames.add((Reply) frame);
        }
        assertNull(channel.readOutbound());
        return frames;
    }

    private static Reply frame(String kind, String name, long count) {
        return Reply.push(Reply.bulk(kind), Reply.bulk(name), Reply.integer(count));
    }

    private static List<String> names(List<byte[]> names) {
        return names.stream()
                .map(name -> new String(name, StandardCharsets.UTF_8))
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

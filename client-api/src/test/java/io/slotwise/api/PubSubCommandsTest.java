package io.slotwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.command.Command;
import io.slotwise.command.ReplyMerger;
import io.slotwise.command.Routing;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the publishing and introspection commands send and where, and how the replies of several nodes merge: each node
 * counts only its own subscribers, so the cluster-wide answer is the merge.
 */
class PubSubCommandsTest {

    private final RecordingCommands<String, String> commands = RecordingCommands.utf8();

    @Test
    void publishAndSpublishAreRoutedByTheChannelsSlot() {
        commands.publish("news", "hi");
        commands.spublish("{user:1}feed", "x");

        Command<?> publish = commands.sent().get(0);
        Command<?> spublish = commands.sent().get(1);
        assertEquals(List.of("PUBLISH", "news", "hi"), texts(publish));
        assertEquals(Routing.BY_KEYS, publish.routing());
        assertEquals(SlotHash.slot("news"), publish.slot().getAsInt());
        assertEquals(List.of("SPUBLISH", "{user:1}feed", "x"), texts(spublish));
        assertEquals(SlotHash.slot("user:1"), spublish.slot().getAsInt());
    }

    @Test
    void classicIntrospectionAsksEveryNodeAndShardIntrospectionEveryPrimary() {
        commands.pubsubChannels("news*");
        commands.pubsubNumsub(List.of("a", "b"));
        commands.pubsubNumpat();
        commands.pubsubShardChannels();
        commands.pubsubShardNumsub(List.of("s"));

        List<Command<?>> sent = commands.sent();
        assertEquals(List.of("PUBSUB", "CHANNELS", "news*"), texts(sent.get(0)));
        assertEquals(
                Routing.fanOut(Routing.FanOut.Target.ALL_NODES, ReplyMerger.UNION_DISTINCT),
                sent.get(0).routing());
        assertEquals(List.of("PUBSUB", "NUMSUB", "a", "b"), texts(sent.get(1)));
        assertEquals(
                Routing.fanOut(Routing.FanOut.Target.ALL_NODES, ReplyMerger.SUM_PER_NAME),
                sent.get(1).routing());
        assertEquals(
                Routing.fanOut(Routing.FanOut.Target.ALL_NODES, ReplyMerger.SUM),
                sent.get(2).routing());
        assertEquals(
                Routing.fanOut(Routing.FanOut.Target.ALL_PRIMARIES, ReplyMerger.UNION_DISTINCT),
                sent.get(3).routing());
        assertEquals(List.of("PUBSUB", "SHARDNUMSUB", "s"), texts(sent.get(4)));
        assertEquals(
                Routing.fanOut(Routing.FanOut.Target.ALL_PRIMARIES, ReplyMerger.SUM_PER_NAME),
                sent.get(4).routing());
        assertEquals(0, sent.get(1).keyIndexes().length, "channels of PUBSUB NUMSUB are not routing keys");
    }

    @Test
    void numsubCountsOfEveryNodeAreAddedPerChannelInFirstSeenOrder() {
        RespValue nodeA = pairs("a", 2, "b", 0);
        RespValue nodeB = new RespValue.Map(List.of(
                new RespValue.Map.Entry(RespValue.Bulk.of("b"), new RespValue.Int(3)),
                new RespValue.Map.Entry(RespValue.Bulk.of("a"), new RespValue.Int(1))));
        RespValue nodeC = pairs("a", 0, "b", 0);

        commands.pubsubNumsub(List.of("a", "b"));
        Object decoded = commands.sent().get(0).decode(ReplyMerger.SUM_PER_NAME.merge(List.of(nodeA, nodeB, nodeC)));
        @SuppressWarnings("unchecked")
        Map<String, Long> merged = (Map<String, Long>) decoded;

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("a", 3L);
        expected.put("b", 3L);
        assertEquals(expected, merged);
        assertEquals(List.of("a", "b"), List.copyOf(merged.keySet()));
    }

    @Test
    void aChannelAskedTwiceCountsItsSubscribersOncePerNode() {
        // Redis answers PUBSUB NUMSUB a a with [a, n, a, n]: one pair per argument, the same count twice.
        RespValue nodeA = pairs("a", 2, "a", 2);
        RespValue nodeB = pairs("a", 1, "a", 1);

        commands.pubsubNumsub(List.of("a", "a"));
        Object decoded = commands.sent().get(0).decode(ReplyMerger.SUM_PER_NAME.merge(List.of(nodeA, nodeB)));

        assertEquals(Map.of("a", 3L), decoded);
    }

    @Test
    void channelListsOfEveryNodeAreMergedWithoutDuplicates() {
        RespValue merged = ReplyMerger.UNION_DISTINCT.merge(
                List.of(array("news", "sport"), array("sport", "weather"), new RespValue.Array(List.of())));

        assertEquals(array("news", "sport", "weather"), merged);
    }

    @Test
    void aNumsubReplyThatIsNotPairsOfNameAndCountIsRejected() {
        assertThrows(UnexpectedReplyException.class, () -> ReplyMerger.SUM_PER_NAME.merge(List.of(array("a"))));
        assertThrows(UnexpectedReplyException.class, () -> ReplyMerger.SUM_PER_NAME.merge(List.of(array("a", "b"))));
    }

    private static RespValue pairs(Object... namesAndCounts) {
        List<RespValue> elements = new ArrayList<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            elements.add(RespValue.Bulk.of((String) namesAndCounts[i]));
            elements.add(new RespValue.Int((Integer) namesAndCounts[i + 1]));
        }
        return new RespValue.Array(elements);
    }

    private static RespValue array(String... texts) {
        return new RespValue.Array(List.of(texts).stream()
                .map(t -> (RespValue) RespValue.Bulk.of(t))
                .toList());
    }

    private static List<String> texts(Command<?> command) {
        return command.arguments().stream()
                .map(arg -> new String(arg, StandardCharsets.UTF_8))
                .toList();
    }
}

package io.slotwise.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.codec.RedisCodec;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SplitPlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReplyMergerTest {

    private static final RedisCodec<String, String> UTF8 = RedisCodec.utf8();

    /** Plays the nodes: answers each part of a split command by looking at the part's own arguments. */
    private static List<RespValue> answerParts(Command<?> command, Function<Command<RespValue>, RespValue> node) {
        List<RespValue> replies = new ArrayList<>();
        for (SplitPlan.Group group : command.splitPlan().groups()) {
            replies.add(node.apply(command.subCommand(group)));
        }
        return replies;
    }

    @Test
    void splitMgetReturnsValuesInCallerOrderIncludingDuplicatesAndMisses() {
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            List<String> keys = new ArrayList<>();
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                keys.add("key:" + random.nextInt(15));
            }
            Command<List<String>> mget = Command.builder("MGET", UTF8)
                    .keys(keys)
                    .split(1, ReplyMerger.IN_CALLER_ORDER)
                    .decodedBy(ReplyDecoders.list(ReplyDecoders.value(UTF8)));
            // Keys ending in an odd digit do not exist.
            List<RespValue> parts = answerParts(
                    mget,
                    part -> new RespValue.Array(CommandTest.texts(part).stream()
                            .skip(1)
                            .map(key -> isMissing(key)
                                    ? (RespValue) RespValue.Null.INSTANCE
                                    : RespValue.Bulk.of("v-" + key))
                            .toList()));
            List<String> values = mget.decode(ReplyMerger.IN_CALLER_ORDER.merge(parts, mget.splitPlan()));
            assertEquals(keys.size(), values.size());
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(isMissing(keys.get(i)) ? null : "v-" + keys.get(i), values.get(i));
            }
        }
    }

    private static boolean isMissing(String key) {
        return (key.charAt(key.length() - 1) - '0') % 2 == 1;
    }

    @Test
    void splitDelSumsTheCountsOfItsParts() {
        Command<Long> del = Command.builder("DEL", UTF8)
                .keys(List.of("a", "b", "c", "d", "e"))
                .split(1, ReplyMerger.SUM)
                .decodedBy(ReplyDecoders.integer());
        // Each node deletes every key it is asked for except "c".
        List<RespValue> parts = answerParts(
                del,
                part -> new RespValue.Int(CommandTest.texts(part).stream()
                        .skip(1)
                        .filter(key -> !key.equals("c"))
                        .count()));
        assertEquals(4L, del.decode(ReplyMerger.SUM.merge(parts, del.splitPlan())));
    }

    @Test
    void splitMsetIsOkOnlyWhenEveryPartIsOk() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("a", "1");
        pairs.put("b", "2");
        Command<String> mset = Command.builder("MSET", UTF8)
                .keyValues(pairs)
                .split(2, ReplyMerger.ALL_OK)
                .decodedBy(ReplyDecoders.ok());
        List<RespValue> parts = answerParts(mset, part -> RespValue.SimpleString.OK);
        assertEquals("OK", mset.decode(ReplyMerger.ALL_OK.merge(parts, mset.splitPlan())));
        assertThrows(
                UnexpectedReplyException.class,
                () -> ReplyMerger.ALL_OK.merge(List.of(RespValue.SimpleString.OK, new RespValue.Int(1))));
    }

    @Test
    void fannedOutKeysAreConcatenated() {
        RespValue merged = ReplyMerger.UNION.merge(List.of(
                new RespValue.Array(List.of(RespValue.Bulk.of("a"), RespValue.Bulk.of("b"))),
                new RespValue.Array(List.of()),
                new RespValue.Set(List.of(RespValue.Bulk.of("c")))));
        assertEquals(
                List.of("a", "b", "c"), ReplyDecoders.list(ReplyDecoders.text()).decode(merged));
    }

    @Test
    void scriptExistsIsTrueOnlyWhereEveryNodeHasTheScript() {
        RespValue merged = ReplyMerger.AND_ELEMENTWISE.merge(List.of(ints(1, 1, 0, 0), ints(1, 0, 1, 0)));
        assertEquals(
                List.of(true, false, false, false),
                ReplyDecoders.list(ReplyDecoders.bool()).decode(merged));
        assertThrows(
                UnexpectedReplyException.class, () -> ReplyMerger.AND_ELEMENTWISE.merge(List.of(ints(1), ints(1, 1))));
        assertThrows(UnexpectedReplyException.class, () -> ReplyMerger.AND_ELEMENTWISE.merge(List.of(ints(2))));
    }

    @Test
    void firstRequiresEveryNodeToAgree() {
        RespValue.Bulk sha = RespValue.Bulk.of("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
        assertEquals(sha, ReplyMerger.FIRST.merge(List.of(sha, RespValue.Bulk.of(sha.asString()))));
        assertThrows(
                UnexpectedReplyException.class,
                () -> ReplyMerger.FIRST.merge(List.of(sha, RespValue.Bulk.of("other"))));
    }

    @Test
    void sumRejectsNonIntegerParts() {
        assertEquals(new RespValue.Int(5), ReplyMerger.SUM.merge(List.of(new RespValue.Int(2), new RespValue.Int(3))));
        assertThrows(
                UnexpectedReplyException.class,
                () -> ReplyMerger.SUM.merge(List.of(new RespValue.Int(2), RespValue.Bulk.of("3"))));
    }

    @Test
    void inCallerOrderNeedsAPlanAndPartsThatMatchIt() {
        SplitPlan plan = SplitPlan.of(List.of(bytes("a"), bytes("b")));
        assertThrows(IllegalStateException.class, () -> ReplyMerger.IN_CALLER_ORDER.merge(List.of(ints(1))));
        assertThrows(IllegalArgumentException.class, () -> ReplyMerger.IN_CALLER_ORDER.merge(List.of(ints(1)), plan));
        assertThrows(
                UnexpectedReplyException.class,
                () -> ReplyMerger.IN_CALLER_ORDER.merge(List.of(ints(1, 2), ints(3)), plan));
        assertThrows(
                UnexpectedReplyException.class,
                () -> ReplyMerger.IN_CALLER_ORDER.merge(List.of(new RespValue.Int(1), ints(3)), plan));
    }

    @Test
    void errorPartsNeverReachAMerger() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ReplyMerger.SUM.merge(List.of(new RespValue.Int(1), new RespValue.Error("ERR x"))));
        assertThrows(IllegalArgumentException.class, () -> ReplyMerger.SUM.merge(List.of()));
    }

    private static RespValue ints(long... values) {
        List<RespValue> elements = new ArrayList<>();
        for (long value : values) {
            elements.add(new RespValue.Int(value));
        }
        return new RespValue.Array(elements);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

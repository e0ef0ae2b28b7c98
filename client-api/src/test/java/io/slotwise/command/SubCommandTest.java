package io.slotwise.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.codec.RedisCodec;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SplitPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SubCommandTest {

    private static final RedisCodec<String, String> UTF8 = RedisCodec.utf8();

    @Test
    void mgetPartsCarryTheirSlotsKeysInCallerOrder() {
        List<String> keys = List.of("{a}1", "{b}1", "{a}2", "{c}1", "{b}2", "{a}1");
        Command<List<String>> mget = Command.builder("MGET", UTF8)
                .keys(keys)
                .traits(CommandTrait.READ_ONLY)
                .split(1, ReplyMerger.IN_CALLER_ORDER)
                .decodedBy(ReplyDecoders.list(ReplyDecoders.value(UTF8)));
        SplitPlan plan = mget.splitPlan();
        List<List<String>> partArgs = new ArrayList<>();
        for (SplitPlan.Group group : plan.groups()) {
            Command<RespValue> part = mget.subCommand(group);
            partArgs.add(CommandTest.texts(part));
            assertEquals(OptionalInt.of(group.slot()), part.slot());
            assertEquals(Routing.BY_KEYS, part.routing());
            assertTrue(part.split().isEmpty());
            assertTrue(part.has(CommandTrait.READ_ONLY));
            assertEquals("MGET", part.name());
            int[] expectedKeyIndexes = new int[group.positions().length];
            for (int i = 0; i < expectedKeyIndexes.length; i++) {
                expectedKeyIndexes[i] = 1 + i;
            }
            assertArrayEquals(expectedKeyIndexes, part.keyIndexes());
        }
        assertEquals(
                List.of(
                        List.of("MGET", "{a}1", "{a}2", "{a}1"),
                        List.of("MGET", "{b}1", "{b}2"),
                        List.of("MGET", "{c}1")),
                partArgs);
    }

    @Test
    void msetPartsKeepEachKeyWithItsValue() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("{x}k1", "v1");
        pairs.put("{y}k2", "v2");
        pairs.put("{x}k3", "v3");
        Command<String> mset = Command.builder("MSET", UTF8)
                .keyValues(pairs)
                .split(2, ReplyMerger.ALL_OK)
                .decodedBy(ReplyDecoders.ok());
        assertArrayEquals(new int[] {1, 3, 5}, mset.keyIndexes());
        SplitPlan plan = mset.splitPlan();
        Command<RespValue> x = mset.subCommand(plan.groups().get(0));
        Command<RespValue> y = mset.subCommand(plan.groups().get(1));
        assertEquals(List.of("MSET", "{x}k1", "v1", "{x}k3", "v3"), CommandTest.texts(x));
        assertArrayEquals(new int[] {1, 3}, x.keyIndexes());
        assertEquals(List.of("MSET", "{y}k2", "v2"), CommandTest.texts(y));
        assertArrayEquals(new int[] {1}, y.keyIndexes());
    }

    @Test
    void argumentsBeforeTheKeysAreRepeatedInEveryPart() {
        Command<RespValue> command = Command.builder("OBJECT FREQ-LIKE", UTF8)
                .arg("OPT")
                .keys(List.of("{p}1", "{q}1"))
                .split(1, ReplyMerger.SUM)
                .build();
        assertEquals(3, command.split().orElseThrow().firstKeyIndex());
        SplitPlan plan = command.splitPlan();
        assertEquals(
                List.of("OBJECT", "FREQ-LIKE", "OPT", "{q}1"),
                CommandTest.texts(command.subCommand(plan.groups().get(1))));
    }

    @Test
    void delPartsSplitBySlot() {
        Command<Long> del = Command.builder("DEL", UTF8)
                .keys(List.of("a", "b", "c"))
                .split(1, ReplyMerger.SUM)
                .decodedBy(ReplyDecoders.integer());
        List<String> allKeys = new ArrayList<>();
        for (SplitPlan.Group group : del.splitPlan().groups()) {
            List<String> args = CommandTest.texts(del.subCommand(group));
            assertEquals("DEL", args.get(0));
            for (String key : args.subList(1, args.size())) {
                assertEquals(group.slot(), CommandTest.slot(key));
                allKeys.add(key);
            }
        }
        assertEquals(List.of("a", "b", "c"), allKeys.stream().sorted().toList());
    }

    @Test
    void aGroupFromAnotherPlanIsRejected() {
        Command<RespValue> del = Command.builder("DEL", UTF8)
                .keys(List.of("a", "b"))
                .split(1, ReplyMerger.SUM)
                .build();
        SplitPlan.Group foreign = new SplitPlan.Group(CommandTest.slot("a") + 1, new int[] {0});
        assertThrows(IllegalArgumentException.class, () -> del.subCommand(foreign));
        SplitPlan.Group outside = new SplitPlan.Group(CommandTest.slot("a"), new int[] {5});
        assertThrows(IllegalArgumentException.class, () -> del.subCommand(outside));
    }

    @Test
    void commandsWithoutSplitCannotBeSplit() {
        Command<RespValue> get = Command.builder("GET", UTF8).key("k").build();
        assertThrows(IllegalStateException.class, get::splitPlan);
        assertThrows(IllegalStateException.class, () -> get.subCommand(new SplitPlan.Group(0, new int[] {0})));
    }
}

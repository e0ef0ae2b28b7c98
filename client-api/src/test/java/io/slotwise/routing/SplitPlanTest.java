package io.slotwise.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.CrossSlotException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitPlanTest {

    @Test
    void keysAreGroupedBySlotInOrderOfFirstOccurrence() {
        SplitPlan plan = SplitPlan.of(keys("{a}1", "{b}1", "{a}2", "{c}1", "{b}2"));
        assertEquals(3, plan.groups().size());
        assertEquals(SlotHash.slot("a"), plan.groups().get(0).slot());
        assertArrayEquals(new int[] {0, 2}, plan.groups().get(0).positions());
        assertArrayEquals(new int[] {1, 4}, plan.groups().get(1).positions());
        assertArrayEquals(new int[] {3}, plan.groups().get(2).positions());
        assertFalse(plan.isSingleSlot());
    }

    @Test
    void keysSharingAHashTagNeedNoSplit() {
        assertTrue(SplitPlan.of(keys("{user42}:name", "{user42}:email")).isSingleSlot());
    }

    @Test
    void reassemblyRestoresCallerOrderIncludingDuplicateKeys() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<String> callerKeys = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                callerKeys.add("key:" + random.nextInt(20));
            }
            SplitPlan plan = SplitPlan.of(keys(callerKeys.toArray(String[]::new)));
            // Each part answers with "value of <key>" for the keys of its group, as a node would for MGET.
            List<List<String>> parts = new ArrayList<>();
            for (SplitPlan.Group group : plan.groups()) {
                parts.add(group.select(callerKeys).stream()
                        .map(k -> "value of " + k)
                        .toList());
            }
            List<String> merged = plan.reassemble(parts);
            for (int i = 0; i < n; i++) {
                assertEquals("value of " + callerKeys.get(i), merged.get(i));
            }
        }
    }

    @Test
    void reassemblyRejectsPartsThatDoNotMatchThePlan() {
        SplitPlan plan = SplitPlan.of(keys("{a}1", "{b}1"));
        assertThrows(IllegalArgumentException.class, () -> plan.reassemble(List.of(List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> plan.reassemble(List.of(List.of("x", "y"), List.of("z"))));
    }

    @Test
    void crossSlotCheckNamesTheKeysAndTheirSlots() {
        CrossSlotException error = assertThrows(
                CrossSlotException.class, () -> SingleSlotRequirement.slotOfText("MSETNX", List.of("a", "b")));
        String message = error.getMessage();
        assertTrue(message.contains("MSETNX"), message);
        assertTrue(message.contains("'a' -> slot " + SlotHash.slot("a")), message);
        assertTrue(message.contains("'b' -> slot " + SlotHash.slot("b")), message);
        assertTrue(message.contains("hash tag"), message);
    }

    @Test
    void crossSlotCheckPassesAndReturnsTheSharedSlot() {
        assertEquals(SlotHash.slot("u1"), SingleSlotRequirement.slotOfText("MULTI", List.of("{u1}:a", "{u1}:b", "u1")));
    }

    @Test
    void crossSlotMessageEscapesBinaryKeysAndListsAtMostEight() {
        List<byte[]> many = new ArrayList<>();
        many.add(new byte[] {0, (byte) 0xFF, '\''});
        for (int i = 0; i < 20; i++) {
            many.add(("k" + i).getBytes(StandardCharsets.UTF_8));
        }
        String message = assertThrows(CrossSlotException.class, () -> SingleSlotRequirement.slotOf("EVAL", many))
                .getMessage();
        assertTrue(message.contains("'\\x00\\xff\\x27'"), message);
        assertTrue(message.contains("and 13 more"), message);
    }

    private static List<byte[]> keys(String... keys) {
        List<byte[]> bytes = new ArrayList<>();
        for (String key : keys) {
            bytes.add(key.getBytes(StandardCharsets.UTF_8));
        }
        return bytes;
    }
}

package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListValueTest {

    @ParameterizedTest(name = "LRANGE {0} {1} of a,b,c,d,e -> [{2}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "0   | -1  | a b c d e",
                "1   | 2   | b c",
                "-2  | -1  | d e",
                "-100| 1   | a b",
                "3   | 100 | d e",
                "4   | 4   | e",
                "5   | 10  | ''",
                "3   | 1   | ''",
                "-1  | -2  | ''",
            })
    void rangeNormalisesIndexesLikeLrange(long start, long stop, String expected) {
        ListValue list = listOf("a b c d e");
        assertEquals(words(expected), strings(list.range(start, stop)));
    }

    @ParameterizedTest(name = "LTRIM {0} {1} of a,b,c,d,e -> [{2}]")
    @CsvSource(
            delimiter = '|',
            value = {"1 | -2 | b c d", "0 | 0 | a", "-1 | -1 | e", "3 | 1 | ''", "10 | 20 | ''"})
    void trimKeepsTheSelectedRangeOrEmptiesTheList(long start, long stop, String expected) {
        ListValue list = listOf("a b c d e");
        list.trim(start, stop);
        assertEquals(words(expected), strings(list.elements()));
    }

    @Test
    void removeHonoursCountDirection() {
        ListValue fromHead = listOf("x a x b x c x");
        assertEquals(2, fromHead.remove(Bytes.of("x"), 2));
        assertEquals(words("a b x c x"), strings(fromHead.elements()));

        ListValue fromTail = listOf("x a x b x c x");
        assertEquals(2, fromTail.remove(Bytes.of("x"), -2));
        assertEquals(words("x a x b c"), strings(fromTail.elements()));

        ListValue all = listOf("x a x b x c x");
        assertEquals(4, all.remove(Bytes.of("x"), 0));
        assertEquals(words("a b c"), strings(all.elements()));
        assertEquals(0, all.remove(Bytes.of("zzz"), 0));
    }

    @Test
    void insertPlacesElementNextToFirstPivotOrReportsMissingPivot() {
        ListValue list = listOf("a b a");
        assertEquals(4, list.insert(Bytes.of("a"), Bytes.of("before"), true));
        assertEquals(5, list.insert(Bytes.of("b"), Bytes.of("after"), false));
        assertEquals(words("before a b after a"), strings(list.elements()));
        assertEquals(-1, list.insert(Bytes.of("missing"), Bytes.of("x"), true));
        assertEquals(5, list.size());
    }

    @Test
    void indexAccessCountsNegativeIndexesFromTheTail() {
        ListValue list = listOf("a b c");
        assertEquals("c", list.get(-1).toUtf8());
        assertEquals("a", list.get(-3).toUtf8());
        assertNull(list.get(3));
        assertNull(list.get(-4));
        assertTrue(list.set(-1, Bytes.of("z")));
        assertFalse(list.set(5, Bytes.of("z")));
        assertEquals(words("a b z"), strings(list.elements()));
    }

    @Test
    void randomOperationsAgreeWithArrayListModel() {
        SplittableRandom random = new SplittableRandom(11);
        ListValue list = new ListValue();
        List<String> model = new ArrayList<>();
        for (int step = 0; step < 30_000; step++) {
            String element = "e" + random.nextInt(20);
            switch (random.nextInt(9)) {
                case 0:
                    list.pushFirst(Bytes.of(element));
                    model.add(0, element);
                    break;
                case 1:
                case 2:
                    list.pushLast(Bytes.of(element));
                    model.add(element);
                    break;
                case 3:
                    Bytes first = list.popFirst();
                    assertEquals(model.isEmpty() ? null : model.remove(0), first == null ? null : first.toUtf8());
                    break;
                case 4:
                    Bytes last = list.popLast();
                    assertEquals(
                            model.isEmpty() ? null : model.remove(model.size() - 1),
                            last == null ? null : last.toUtf8());
                    break;
                case 5:
                    int pivot = model.indexOf(element);
                    boolean before = random.nextBoolean();
                    int expected = -1;
                    if (pivot >= 0) {
                        model.add(before ? pivot : pivot + 1, "new");
                        expected = model.size();
                    }
                    assertEquals(expected, list.insert(Bytes.of(element), Bytes.of("new"), before));
                    break;
                case 6:
                    long count = random.nextInt(5) - 2;
                    assertEquals(removeFromModel(model, element, count), list.remove(Bytes.of(element), count));
                    break;
                case 7:
                    if (!model.isEmpty()) {
                        int index = random.nextInt(model.size());
                        model.set(index, element);
                        assertTrue(list.set(index - model.size(), Bytes.of(element)));
                    }
                    break;
                default:
                    if (random.nextInt(20) == 0) {
                        long start = random.nextInt(10) - 3;
                        long stop = -1 - random.nextInt(3);
                        list.trim(start, stop);
                        model = lrange(model, start, stop);
                    }
            }
            assertEquals(model.size(), list.size());
        }
        assertEquals(model, strings(list.elements()));
        assertEquals(model, strings(list.copy().elements()));
    }

    /** Redis's LRANGE index rules, written out independently for the model. */
    private static List<String> lrange(List<String> model, long start, long stop) {
        int size = model.size();
        long from = Math.max(0, start < 0 ? start + size : start);
        long to = Math.min(size - 1L, stop < 0 ? stop + size : stop);
        return from > to ? new ArrayList<>() : new ArrayList<>(model.subList((int) from, (int) to + 1));
    }

    private static int removeFromModel(List<String> model, String element, long count) {
        int removed = 0;
        long budget = count == 0 ? Long.MAX_VALUE : Math.abs(count);
        if (count >= 0) {
            for (int i = 0; i < model.size() && removed < budget; ) {
                if (model.get(i).equals(element)) {
                    model.remove(i);
                    removed++;
                } else {
                    i++;
                }
            }
        } else {
            for (int i = model.size() - 1; i >= 0 && removed < budget; i--) {
                if (model.get(i).equals(element)) {
                    model.remove(i);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static ListValue listOf(String spaceSeparated) {
        return listOf(words(spaceSeparated));
    }

    private static ListValue listOf(List<String> elements) {
        ListValue list = new ListValue();
        elements.forEach(element -> list.pushLast(Bytes.of(element)));
        return list;
    }

    private static List<String> words(String spaceSeparated) {
        return spaceSeparated.isBlank()
                ? List.of()
                : List.of(spaceSeparated.trim().split("\\s+"));
    }

    private static List<String> strings(List<Bytes> elements) {
        List<String> out = new ArrayList<>();
        elements.forEach(element -> out.add(element.toUtf8()));
        return out;
    }
}

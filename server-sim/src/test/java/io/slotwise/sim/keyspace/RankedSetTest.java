package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RankedSetTest {

    @Test
    void randomOperationsAgreeWithTreeSet() {
        SplittableRandom random = new SplittableRandom(7);
        RankedSet<Integer> ranked = new RankedSet<>(Comparator.naturalOrder());
        TreeSet<Integer> model = new TreeSet<>();
        for (int step = 0; step < 20_000; step++) {
            int value = random.nextInt(2_000);
            switch (random.nextInt(4)) {
                case 0:
                case 1:
                    assertEquals(model.add(value), ranked.add(value));
                    break;
                case 2:
                    assertEquals(model.remove(value), ranked.remove(value));
                    break;
                default:
                    assertEquals(model.contains(value), ranked.contains(value));
                    assertEquals(model.headSet(value, false).size(), ranked.countLess(value));
                    assertEquals(model.headSet(value, true).size(), ranked.countLessOrEqual(value));
            }
            assertEquals(model.size(), ranked.size());
            if (step % 500 == 0) {
                assertSameContents(model, ranked);
            }
        }
        assertSameContents(model, ranked);
    }

    @Test
    void iterationStartsAtAnyPositionInEitherDirection() {
        RankedSet<Integer> ranked = new RankedSet<>(Comparator.naturalOrder());
        List<Integer> sorted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ranked.add(i * 3);
            sorted.add(i * 3);
        }
        List<Integer> descending = new ArrayList<>(sorted);
        Collections.reverse(descending);
        for (int index = 0; index < 100; index++) {
            assertEquals(sorted.subList(index, 100), drain(ranked.iterator(index, false)));
            assertEquals(descending.subList(99 - index, 100), drain(ranked.iterator(index, true)));
        }
        assertEquals(List.of(), drain(ranked.iterator(100, false)));
        assertEquals(List.of(), drain(ranked.iterator(-1, true)));
    }

    @Test
    void iteratorFailsOnceTheSetIsModified() {
        RankedSet<Integer> ranked = new RankedSet<>(Comparator.naturalOrder());
        ranked.add(1);
        ranked.add(2);
        Iterator<Integer> iterator = ranked.iterator();
        iterator.next();
        ranked.add(3);
        assertThrows(ConcurrentModificationException.class, iterator::next);
    }

    @Test
    void positionalAccessOutsideTheSetFails() {
        RankedSet<Integer> ranked = new RankedSet<>(Comparator.naturalOrder());
        assertThrows(IndexOutOfBoundsException.class, () -> ranked.get(0));
        ranked.add(5);
        assertEquals(5, ranked.get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> ranked.get(1));
        ranked.clear();
        assertFalse(ranked.iterator().hasNext());
    }

    @Test
    void sequentialInsertionOfManyElementsStaysShallowEnoughForRecursion() {
        RankedSet<Integer> ranked = new RankedSet<>(Comparator.naturalOrder());
        for (int i = 0; i < 200_000; i++) {
            ranked.add(i);
        }
        assertEquals(123_456, ranked.get(123_456));
        for (int i = 0; i < 200_000; i += 2) {
            ranked.remove(i);
        }
        assertEquals(100_000, ranked.size());
        assertEquals(50_000, ranked.countLess(100_000));
    }

    private static void assertSameContents(TreeSet<Integer> model, RankedSet<Integer> ranked) {
        List<Integer> expected = new ArrayList<>(model);
        assertEquals(expected, drain(ranked.iterator()));
        for (int i = 0; i < expected.size(); i += 37) {
            assertEquals(expected.get(i), ranked.get(i));
        }
    }

    private static List<Integer> drain(Iterator<Integer> iterator) {
        List<Integer> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }
}

package io.slotwise.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopologyTallyTest {

    private static final NodeAddress A = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress B = new NodeAddress("127.0.0.1", 7001);

    private static ClusterTopology split(int boundary, boolean reversedOrder) {
        Shard first = new Shard(ClusterNode.primaryAt(A), List.of(), List.of(new SlotRange(0, boundary - 1)));
        Shard second = new Shard(ClusterNode.primaryAt(B), List.of(), List.of(new SlotRange(boundary, 16383)));
        return ClusterTopology.of(reversedOrder ? List.of(second, first) : List.of(first, second));
    }

    private static ClusterTopology partial(int lastSlot) {
        return ClusterTopology.of(
                List.of(new Shard(ClusterNode.primaryAt(A), List.of(), List.of(new SlotRange(0, lastSlot)))));
    }

    private static final ClusterTopology CURRENT = split(9000, false);
    private static final ClusterTopology CURRENT_REORDERED = split(9000, true);
    private static final ClusterTopology STALE = split(8000, false);
    private static final ClusterTopology PARTIAL = partial(100);

    static Stream<Arguments> arrivals() {
        return Stream.of(
                // views in arrival order, how many must arrive before the tally decides (0: never), the decided view
                Arguments.of("two agreeing views of three decide", List.of(CURRENT, CURRENT_REORDERED), 2, CURRENT),
                Arguments.of(
                        "a stale first view is outvoted once two agree",
                        List.of(STALE, CURRENT, CURRENT_REORDERED),
                        3,
                        CURRENT),
                Arguments.of("one view alone does not decide", List.of(STALE), 0, null),
                Arguments.of("two disagreeing views do not decide", List.of(STALE, CURRENT), 0, null),
                Arguments.of("three disagreeing views decide by coverage", List.of(PARTIAL, STALE, CURRENT), 3, STALE),
                Arguments.of(
                        "a stale view arriving last loses to the agreeing two",
                        List.of(CURRENT, CURRENT_REORDERED, STALE),
                        2,
                        CURRENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrivals")
    void decidesAsSoonAsTheMissingViewsCannotChangeTheChoice(
            String name, List<ClusterTopology> views, int decidedAfter, ClusterTopology expected) {
        TopologyTally tally = new TopologyTally(3);
        for (int i = 0; i < views.size(); i++) {
            tally.add(views.get(i));
            boolean shouldBeDecided = decidedAfter != 0 && i + 1 >= decidedAfter;
            assertEquals(shouldBeDecided, tally.decided().isPresent(), name + " after " + (i + 1) + " views");
        }
        if (expected != null) {
            assertSame(expected, tally.decided().orElseThrow(), name);
        }
    }

    /**
     * The promise the refresher relies on: deciding early never installs another view than waiting for every wanted
     * view would, for every arrival order of a few views, some agreeing, some not.
     */
    @Test
    void anEarlyDecisionIsTheViewTheFullConsensusWouldPick() {
        List<ClusterTopology> pool = List.of(CURRENT, CURRENT_REORDERED, STALE, PARTIAL, partial(200));
        for (int wanted = 1; wanted <= 3; wanted++) {
            for (List<ClusterTopology> arrivals : everySequence(pool, wanted)) {
                TopologyTally tally = new TopologyTally(wanted);
                ClusterTopology early = null;
                for (ClusterTopology view : arrivals) {
                    tally.add(view);
                    if (early == null && tally.decided().isPresent()) {
                        early = tally.decided().get();
                    }
                }
                ClusterTopology full = TopologyConsensus.choose(arrivals).orElseThrow();
                assertSame(full, early, "wanted " + wanted + ", arrivals " + arrivals);
            }
        }
    }

    private static List<List<ClusterTopology>> everySequence(List<ClusterTopology> pool, int length) {
        List<List<ClusterTopology>> sequences = List.of(List.of());
        for (int i = 0; i < length; i++) {
            List<List<ClusterTopology>> longer = new ArrayList<>();
            for (List<ClusterTopology> prefix : sequences) {
                for (ClusterTopology view : pool) {
                    List<ClusterTopology> next = new ArrayList<>(prefix);
                    next.add(view);
                    longer.add(next);
                }
            }
            sequences = longer;
        }
        return sequences;
    }

    @Test
    void lateViewsAfterTheDecisionAreIgnored() {
        TopologyTally tally = new TopologyTally(3);
        assertTrue(tally.add(STALE));
        assertTrue(tally.add(CURRENT));
        assertTrue(tally.add(CURRENT_REORDERED));
        ClusterTopology decided = tally.decided().orElseThrow();

        assertFalse(tally.add(STALE));
        assertFalse(tally.add(STALE));

        assertSame(decided, tally.decided().orElseThrow());
        assertEquals(3, tally.size());
    }

    @Test
    void leadingGivesTheBestViewSoFarWhileUndecided() {
        TopologyTally tally = new TopologyTally(3);
        assertTrue(tally.leading().isEmpty());
        tally.add(PARTIAL);
        tally.add(CURRENT);

        assertTrue(tally.decided().isEmpty());
        assertSame(CURRENT, tally.leading().orElseThrow());
    }

    @Test
    void aTallyMustWantAtLeastOneView() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopologyTally(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}

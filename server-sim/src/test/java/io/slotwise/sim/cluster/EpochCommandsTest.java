package io.slotwise.sim.cluster;

import static io.slotwise.sim.cluster.TestClusters.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EpochCommandsTest {

    static Stream<Arguments> rejectedSetConfigEpochs() {
        return Stream.of(
                Arguments.of("alone", "abc", "ERR value is not an integer or out of range"),
                Arguments.of("alone", "1.5", "ERR value is not an integer or out of range"),
                Arguments.of("alone", "-1", "ERR Invalid config epoch specified: -1"),
                Arguments.of("alone, epoch 3", "5", "ERR Node config epoch is already non-zero"),
                Arguments.of(
                        "knows others",
                        "5",
                        "ERR The user can assign a config epoch only when the node does not know any other node."),
                // The sign is checked before the known-nodes rule.
                Arguments.of("knows others", "-4", "ERR Invalid config epoch specified: -4"));
    }

    @ParameterizedTest(name = "{0}: SET-CONFIG-EPOCH {1} -> {2}")
    @MethodSource("rejectedSetConfigEpochs")
    void rejectedSetConfigEpochFailsWithRedisText(String situation, String argument, String expected) {
        ClusterState state = situation.equals("knows others")
                ? TestClusters.sixNodes()
                : TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        if (situation.endsWith("epoch 3")) {
            state.myself().setConfigEpoch(3);
        }
        long epochBefore = state.myself().configEpoch();

        ClusterCommandException error =
                assertThrows(ClusterCommandException.class, () -> EpochCommands.setConfigEpoch(state, argument));

        assertEquals(expected, error.errorText());
        assertEquals(epochBefore, state.myself().configEpoch());
    }

    @Test
    void setConfigEpochOnALoneNodeRaisesTheCurrentEpoch() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        EpochCommands.setConfigEpoch(state, "5");

        assertEquals(5, state.myself().configEpoch());
        assertEquals(5, state.currentEpoch());
        assertTrue(state.drainPendingActions().contains(PendingAction.SAVE_CONFIG));
    }

    @Test
    void setConfigEpochKeepsAHigherCurrentEpoch() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());
        state.setCurrentEpoch(9);

        EpochCommands.setConfigEpoch(state, 5);

        assertEquals(9, state.currentEpoch());
    }

    @Test
    void bumpEpochOnAFreshNodeBumpsOnceThenStays() {
        ClusterState state = TestClusters.single(new TestClusters.FakeClock(), new TestClusters.FakeKeys());

        assertEquals("BUMPED 1", EpochCommands.bumpEpoch(state).replyText());
        assertTrue(state.drainPendingActions().contains(PendingAction.FSYNC_CONFIG));
        assertEquals("STILL 1", EpochCommands.bumpEpoch(state).replyText());
        assertEquals(1, state.currentEpoch());
    }

    @Test
    void bumpEpochTakesAnEpochAboveEveryKnownOne() {
        ClusterState state = TestClusters.sixNodes();

        BumpEpochResult result = EpochCommands.bumpEpoch(state);

        assertEquals(new BumpEpochResult(true, 4), result);
        assertEquals(4, state.currentEpoch());
    }

    @Test
    void sharingTheGreatestEpochWithAnotherNodeCountsAsGreatest() {
        ClusterState state = TestClusters.sixNodes();
        state.myself().setConfigEpoch(3);
        assertEquals(3, TestClusters.get(state, C).configEpoch());

        assertEquals("STILL 3", EpochCommands.bumpEpoch(state).replyText());
    }
}

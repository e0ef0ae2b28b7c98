package io.slotwise.sim.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplicationHistoryTest {
    private static final String MINE = "a".repeat(40);
    private static final String NEXT = "b".repeat(40);

    private static ReplicationHistory withStream(int bytes) {
        ReplicationHistory history = new ReplicationHistory(MINE, 1024);
        history.append("x".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
        return history;
    }

    @Test
    void aMasterWithoutBacklogNeverContinues() {
        ReplicationHistory history = new ReplicationHistory(MINE, 1024);
        assertFalse(history.canContinue(MINE, 1));
        history.ensureBacklog();
        assertTrue(history.canContinue(MINE, 1));
    }

    @Test
    void continuesTheSameHistoryWithinTheBacklog() {
        ReplicationHistory history = withStream(100);
        assertEquals(100, history.offset());
        assertTrue(history.canContinue(MINE, 50));
        assertTrue(history.canContinue(MINE, 101));
        assertFalse(history.canContinue(MINE, 102));
        assertFalse(history.canContinue(NEXT, 50));
        assertFalse(history.canContinue("?", -1));
    }

    @Test
    void aPromotedNodeContinuesItsPreviousHistoryUpToThePromotion() {
        ReplicationHistory history = withStream(100);
        history.shift(NEXT);
        history.append("y".repeat(10).getBytes(StandardCharsets.US_ASCII));
        assertEquals(MINE, history.previousId());
        assertEquals(101, history.previousIdValidUntil());
        assertTrue(history.canContinue(MINE, 101), "a sibling that had everything of the old master");
        assertFalse(history.canContinue(MINE, 105), "ahead of the promotion: another history");
        assertTrue(history.canContinue(NEXT, 105));
    }

    @Test
    void aRestartForgetsEverything() {
        ReplicationHistory history = withStream(100);
        history.restart(NEXT);
        assertEquals(ReplicationHistory.NO_ID, history.previousId());
        assertEquals(100, history.offset());
        assertFalse(history.canContinue(MINE, 101));
        assertFalse(history.canContinue(NEXT, 101));
    }

    @Test
    void adoptingAMastersHistoryStartsAnEmptyBacklogAtItsOffset() {
        ReplicationHistory history = withStream(10);
        history.adopt(NEXT, 5000);
        assertEquals(NEXT, history.id());
        assertEquals(5000, history.offset());
        assertEquals(5001, history.backlog().firstByteOffset());
        assertTrue(history.canContinue(NEXT, 5001));
    }
}

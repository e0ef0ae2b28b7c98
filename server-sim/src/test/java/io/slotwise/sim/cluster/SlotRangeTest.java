package io.slotwise.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotRangeTest {

    @Test
    void coalescesIntoMaximalAscendingRuns() {
        BitSet slots = new BitSet();
        slots.set(0, 101);
        slots.set(200);
        slots.set(16380, 16384);

        assertEquals(
                List.of(new SlotRange(0, 100), new SlotRange(200, 200), new SlotRange(16380, 16383)),
                SlotRange.coalesce(slots));
        assertEquals(List.of(), SlotRange.coalesce(new BitSet()));
    }

    @Test
    void tokenIsASingleSlotOrAnInclusiveRange() {
        assertEquals("7", new SlotRange(7, 7).token());
        assertEquals("0-16383", new SlotRange(0, 16383).token());
        assertEquals(16384, new SlotRange(0, 16383).size());
    }

    @Test
    void invalidBoundsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SlotRange(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new SlotRange(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new SlotRange(0, 16384));
    }
}

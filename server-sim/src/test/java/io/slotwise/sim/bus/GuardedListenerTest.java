package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.PendingAction;
import java.util.BitSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardedListenerTest {

    private static final class Throwing implements BusListener {
        int calls;

        @Override
        public void onPendingActions(Set<PendingAction> actions) {
            calls++;
            throw new IllegalStateException("boom");
        }

        @Override
        public void onDirtySlots(BitSet slots) {
            calls++;
            throw new IllegalStateException("boom");
        }

        @Override
        public void onPublish(ClusterMessageType type, byte[] channel, byte[] message) {
            calls++;
            throw new IllegalStateException("boom");
        }

        @Override
        public void onCronTick(long nowMillis) {
            calls++;
            throw new IllegalStateException("boom");
        }

        @Override
        public Set<MessageFlag> headerFlags() {
            calls++;
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void aThrowingHookIsCalledButCannotDisturbTheBus() {
        Throwing throwing = new Throwing();
        GuardedListener guarded = new GuardedListener(throwing);

        assertDoesNotThrow(() -> {
            guarded.onPendingActions(Set.of(PendingAction.SAVE_CONFIG));
            guarded.onDirtySlots(new BitSet());
            guarded.onPublish(ClusterMessageType.PUBLISH, new byte[0], new byte[0]);
            guarded.onCronTick(0);
        });
        assertEquals(Set.of(), guarded.headerFlags());
        assertEquals(5, throwing.calls);
    }
}

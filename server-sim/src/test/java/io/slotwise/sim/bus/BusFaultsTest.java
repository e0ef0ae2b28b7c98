package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusFaultsTest {

    private final BusFaults faults = new BusFaults();

    @Test
    void knobsAreIndependentAndClearResetsAll() {
        faults.block(List.of("a", "b"));
        faults.block(Set.of("c"));
        faults.setLatency(Duration.ofMillis(30));
        faults.pause();

        assertEquals(Set.of("a", "b", "c"), faults.blockedNodeIds());
        assertEquals(Duration.ofMillis(30), faults.latency());
        assertTrue(faults.paused());

        faults.heal();
        assertEquals(Set.of(), faults.blockedNodeIds());
        assertEquals(Duration.ofMillis(30), faults.latency(), "healing keeps the latency");
        faults.resume();
        assertFalse(faults.paused());

        faults.block(Set.of("d"));
        faults.clear();
        assertEquals(new BusFaults().snapshot(), faults.snapshot());
    }

    @Test
    void negativeLatencyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> faults.setLatency(Duration.ofMillis(-1)));
    }

    @Test
    void concurrentBlocksFromManyThreadsAreAllKept() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "node-" + i;
            Thread thread = new Thread(() -> faults.block(Set.of(id)));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(8, faults.blockedNodeIds().size());
    }
}

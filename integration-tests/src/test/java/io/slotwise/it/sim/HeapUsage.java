package io.slotwise.it.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures this JVM's live heap, where in-JVM simulator nodes keep their state, as the used heap right after full
 * garbage collections. Coarse (other threads allocate too), so tests bound growth generously.
 */
final class HeapUsage {

    /** Collections per measurement: a second one catches what the first only made unreachable (finalizers, weak refs). */
    private static final int COLLECTIONS = 2;

    private HeapUsage() {}

    /** Returns the bytes of heap in use after collecting garbage. */
    static long liveBytes() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

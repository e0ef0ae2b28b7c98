package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.topology.NodeAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdleConnectionsTest {

    private static final NodeAddress A = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress B = new NodeAddress("127.0.0.1", 7001);

    @Test
    void eachNodeKeepsAtMostTheLimitAndTheRestAreHandedBackToClose() {
        IdleConnections<String> idle = new IdleConnections<>(2);

        assertTrue(idle.offer(A, "a1"));
        assertTrue(idle.offer(A, "a2"));
        assertFalse(idle.offer(A, "a3"), "a third idle connection to A is refused");
        assertTrue(idle.offer(B, "b1"), "B has its own limit");

        assertEquals(2, idle.idleCount(A));
        assertEquals(1, idle.idleCount(B));
    }

    @Test
    void theMostRecentlyReturnedConnectionIsHandedOutFirstAndEachOnlyOnce() {
        IdleConnections<String> idle = new IdleConnections<>(3);
        idle.offer(A, "a1");
        idle.offer(A, "a2");

        assertEquals("a2", idle.poll(A));
        assertEquals("a1", idle.poll(A));
        assertNull(idle.poll(A));
        assertNull(idle.poll(B));
        assertTrue(idle.offer(A, "a1"), "room again once taken");
    }

    @Test
    void nodesThatLeftTheTopologyLoseTheirIdleConnections() {
        IdleConnections<String> idle = new IdleConnections<>(2);
        idle.offer(A, "a1");
        idle.offer(A, "a2");
        idle.offer(B, "b1");

        List<String> removed = idle.retainOnly(Set.of(B));

        assertEquals(Set.of("a1", "a2"), new HashSet<>(removed));
        assertNull(idle.poll(A));
        assertEquals("b1", idle.poll(B));
    }

    @Test
    void closingHandsBackEveryIdleConnectionAndRefusesLaterOnes() {
        IdleConnections<String> idle = new IdleConnections<>(2);
        idle.offer(A, "a1");
        idle.offer(B, "b1");

        assertEquals(Set.of("a1", "b1"), new HashSet<>(idle.close()));
        assertFalse(idle.offer(A, "a2"), "a connection given back after close is closed by the caller");
        assertNull(idle.poll(A));
        assertEquals(List.of(), idle.close());
    }

    @Test
    void aZeroLimitKeepsNothingAndANegativeOneIsRefused() {
        IdleConnections<String> none = new IdleConnections<>(0);
        assertFalse(none.offer(A, "a1"));
        assertEquals(0, none.idleCount(A));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IdleConnections<>(-1));
        assertTrue(e.getMessage().contains("maxPerNode"), e.getMessage());
    }
}

package io.slotwise.sim.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplicationBacklogTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void keepsTheLastBytesWithRedisOffsets() {
        ReplicationBacklog backlog = new ReplicationBacklog(8, 100);
        assertEquals(101, backlog.firstByteOffset());
        assertTrue(backlog.covers(101), "a replica that has everything needs nothing");
        backlog.append(bytes("abcde"));
        assertEquals(105, backlog.endOffset());
        assertEquals(101, backlog.firstByteOffset());
        assertArrayEquals(bytes("cde"), backlog.copyFrom(103));
        backlog.append(bytes("fghij"));
        assertEquals(110, backlog.endOffset());
        assertEquals(8, backlog.historyLength());
        assertEquals(103, backlog.firstByteOffset());
        assertArrayEquals(bytes("cdefghij"), backlog.copyFrom(103));
        assertArrayEquals(bytes("ij"), backlog.copyFrom(109));
        assertArrayEquals(new byte[0], backlog.copyFrom(111));
    }

    @Test
    void coversOnlyWhatItStillHolds() {
        ReplicationBacklog backlog = new ReplicationBacklog(4, 0);
        backlog.append(bytes("abcdef"));
        assertFalse(backlog.covers(2), "overwritten");
        assertTrue(backlog.covers(3));
        assertTrue(backlog.covers(7));
        assertFalse(backlog.covers(8), "a replica cannot be ahead of its master");
        assertThrows(IllegalArgumentException.class, () -> backlog.copyFrom(2));
    }

    @Test
    void anAppendLargerThanTheBacklogKeepsItsTail() {
        ReplicationBacklog backlog = new ReplicationBacklog(4, 2);
        backlog.append(bytes("x"));
        backlog.append(bytes("0123456789"));
        assertEquals(13, backlog.endOffset());
        assertArrayEquals(bytes("6789"), backlog.copyFrom(10));
    }
}

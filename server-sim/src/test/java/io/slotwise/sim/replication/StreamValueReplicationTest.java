package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams reach replicas whole: through the snapshot of a full synchronisation, and afterwards as each write's
 * resulting state, so that IDs generated from the master's clock and consumer group changes (deliveries, claims,
 * acknowledgements) are copied exactly.
 */
class StreamValueReplicationTest {
    @TempDir
    Path dir;

    @Test
    void aReplicaSeesTheMastersStreamsGroupsAndPendingEntries() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            String stream = key("stream");
            master.call("XADD", stream, "1-1", "a", "1");
            master.call("XGROUP", "CREATE", stream, "g", "0");
            master.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", stream, ">");

            cluster.replicate(replica, master);
            assertEquals(
                    master.call("XINFO", "STREAM", stream, "FULL"), replica.read("XINFO", "STREAM", stream, "FULL"));

            String generated = master.call("XADD", stream, "*", "b", "2");
            assertTrue(generated.startsWith("$"), generated);
            master.call("XREADGROUP", "GROUP", "g", "d", "STREAMS", stream, ">");
            master.call("XCLAIM", stream, "g", "e", "0", "1-1", "RETRYCOUNT", "9");
            master.call("XACK", stream, "g", "1-1");
            master.call("XDEL", stream, "1-1");
            master.call("XGROUP", "SETID", stream, "g", "0", "ENTRIESREAD", "0");
            master.call("XGROUP", "CREATE", stream, "h", "$");
            master.call("XTRIM", stream, "MAXLEN", "~", "0");
            master.call("XADD", key("other"), "MAXLEN", "~", "0", "*", "x", "y");
            String expected = master.call("XINFO", "STREAM", stream, "FULL");
            ReplicationTestNode.await(
                    "the replica to apply the stream writes",
                    () -> expected.equals(replica.read("XINFO", "STREAM", stream, "FULL")));
            assertEquals(master.call("XRANGE", stream, "-", "+"), replica.read("XRANGE", stream, "-", "+"));
            assertEquals(master.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));
        }
    }
}

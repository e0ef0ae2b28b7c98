package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.Resp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new replica gets a snapshot of its master's data: every type, with the same absolute expiry times. */
class FullSynchronisationTest {
    @TempDir
    Path dir;

    @Test
    void fullSyncCopiesEveryTypeWithItsTimeToLive() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            master.call("SET", key("string"), "value");
            master.call("SET", key("expiring"), "soon", "PX", "600000");
            master.call("HSET", key("hash"), "f1", "v1", "f2", "v2");
            master.call("PEXPIRE", key("hash"), "500000");
            master.call("RPUSH", key("list"), "a", "b", "c");
            master.call("SADD", key("set"), "x", "y");
            master.call("ZADD", key("zset"), "1.5", "m1", "2", "m2");
            String digest = master.call("DEBUG", "DIGEST");
            assertNotEquals(Resp.bulk("0".repeat(40)), digest);

            cluster.replicate(replica, master);

            assertEquals(digest, replica.call("DEBUG", "DIGEST"));
            assertEquals(master.call("PEXPIRETIME", key("expiring")), replica.read("PEXPIRETIME", key("expiring")));
            assertEquals(Resp.bulk("value"), replica.read("GET", key("string")));
            assertTrue(replica.read("PTTL", key("hash")).startsWith(":"), "hash keeps its TTL");
        }
    }
}

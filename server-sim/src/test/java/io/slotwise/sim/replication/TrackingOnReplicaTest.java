package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.sim.Resp;
import io.slotwise.sim.RespClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tracking client reading from a replica is told when the master's replicated writes change its keys. */
class TrackingOnReplicaTest {
    @TempDir
    Path dir;

    @Test
    void replicatedWriteInvalidatesAKeyReadOnTheReplica() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String key = key("cached");
            try (RespClient writer = master.client();
                    RespClient reader = replica.client()) {
                assertEquals("+OK\r\n", writer.call("SET", key, "1"));
                ReplicationTestNode.await(
                        "offsets to match",
                        () -> master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
                reader.call("HELLO", "3");
                reader.call("READONLY");
                reader.call("CLIENT", "TRACKING", "on");
                assertEquals(Resp.bulk("1"), reader.call("GET", key));

                writer.call("SET", key, "2");

                assertEquals(
                        ">2\r\n" + Resp.bulk("invalidate") + Resp.array(Resp.bulk(key)),
                        reader.read(),
                        "the replica applies the write and invalidates the key");
            }
        }
    }
}

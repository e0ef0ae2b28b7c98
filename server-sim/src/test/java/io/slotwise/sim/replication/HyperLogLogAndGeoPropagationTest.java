package io.slotwise.sim.replication;

import static io.slotwise.sim.replication.ReplicatedCluster.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.slotwise.sim.RespClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HyperLogLog and geo writes reach a replica byte for byte, including PFCOUNT's cache update and search stores. */
class HyperLogLogAndGeoPropagationTest {
    @TempDir
    Path dir;

    @Test
    void hyperLogLogAndGeoWritesLeaveTheReplicaWithTheSameValues() {
        try (ReplicatedCluster cluster = ReplicatedCluster.start(dir, 1, 2)) {
            ReplicationTestNode master = cluster.node(0);
            ReplicationTestNode replica = cluster.node(1);
            cluster.replicate(replica, master);
            String[][] writes = {
                {"PFADD", key("h1"), "a", "b", "c"},
                {"PFADD", key("h2"), "c", "d"},
                {"PFMERGE", key("merged"), key("h1"), key("h2")},
                {"PFCOUNT", key("merged")},
                {"PFADD", key("h3"), "x"},
                {"PFDEBUG", "TODENSE", key("h3")},
                {"GEOADD", key("g"), "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania"},
                {"GEOADD", key("g"), "XX", "CH", "13.5", "38.2", "Palermo"},
                {"GEOSEARCHSTORE", key("near"), key("g"), "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "STOREDIST"
                },
                {"GEORADIUS", key("g"), "15", "37", "200", "km", "STORE", key("stored")}
            };
            try (RespClient client = master.client()) {
                for (String[] write : writes) {
                    String reply = client.call(write);
                    assertFalse(reply.startsWith("-"), String.join(" ", write) + " -> " + reply);
                }
            }
            ReplicationTestNode.await(
                    "offsets to match",
                    () -> master.info("master_repl_offset").equals(replica.info("slave_repl_offset")));
            assertEquals(master.call("DEBUG", "DIGEST"), replica.call("DEBUG", "DIGEST"));
            for (String hll : new String[] {key("merged"), key("h3")}) {
                assertEquals(master.call("GET", hll), replica.read("GET", hll), hll);
            }
            assertEquals(
                    master.call("ZRANGE", key("near"), "0", "-1", "WITHSCORES"),
                    replica.read("ZRANGE", key("near"), "0", "-1", "WITHSCORES"));
        }
    }
}

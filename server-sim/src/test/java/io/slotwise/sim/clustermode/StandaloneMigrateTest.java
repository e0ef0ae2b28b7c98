package io.slotwise.sim.clustermode;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.RespClient;
import io.slotwise.sim.SimNode;
import io.slotwise.sim.SimNodeConfig;
import org.junit.jupiter.api.Test;

/** MIGRATE between two nodes that do not run in cluster mode, as between two standalone Redis servers. */
class StandaloneMigrateTest {

    @Test
    void migrateMovesKeysBetweenStandaloneNodesWithPlainRestore() {
        try (SimNode source = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
                SimNode target = SimNode.start(SimNodeConfig.defaults().with("port", "0"));
                RespClient a = RespClient.connect(source.port());
                RespClient b = RespClient.connect(target.port())) {
            a.call("SET", "moved", "value", "PX", "100000");
            a.call("RPUSH", "list", "x", "y");

            assertEquals(
                    simple("OK"),
                    a.call(
                            "MIGRATE",
                            "127.0.0.1",
                            Integer.toString(target.port()),
                            "",
                            "0",
                            "5000",
                            "KEYS",
                            "moved",
                            "list"));

            assertEquals(integer(0), a.call("EXISTS", "moved", "list"));
            assertEquals(bulk("value"), b.call("GET", "moved"));
            assertEquals(integer(2), b.call("LLEN", "list"));
            long ttl = Long.parseLong(b.call("PTTL", "moved").substring(1).trim());
            assertTrue(ttl > 90_000 && ttl <= 100_000, "TTL kept: " + ttl);
            assertEquals(
                    simple("NOKEY"),
                    a.call("MIGRATE", "127.0.0.1", Integer.toString(target.port()), "moved", "0", "5000"));
        }
    }
}

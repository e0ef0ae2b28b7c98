package io.slotwise.sim.clustermode;

import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A master that gives its last slot away with CLUSTER SETSLOT NODE becomes a replica of the new owner only while
 * {@code cluster-allow-replica-migration} (set by CONFIG SET here) is yes, as in Redis 7.
 */
class LastSlotHandOverTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "cluster-allow-replica-migration {0}")
    @CsvSource({"yes, 'myself,slave ', true", "no, 'myself,master - ', false"})
    void masterLosingItsLastSlotFollowsTheNewOwnerOnlyWhenAllowed(String allowed, String myLine, boolean follows)
            throws Exception {
        try (ClusterTestNode a = ClusterTestNode.start(Files.createDirectories(dir.resolve("a")));
                ClusterTestNode b = ClusterTestNode.start(Files.createDirectories(dir.resolve("b")))) {
            b.learn(a);
            b.assign(a, 0, 16382);
            b.assign(b, 16383, 16383);
            assertEquals(simple("OK"), b.call("CONFIG", "SET", "cluster-allow-replica-migration", allowed));

            assertEquals(simple("OK"), b.call("CLUSTER", "SETSLOT", "16383", "NODE", a.id()));

            String nodes = textOf(b.call("CLUSTER", "NODES"));
            String own = nodes.lines()
                    .filter(line -> line.startsWith(b.id() + " "))
                    .findFirst()
                    .orElseThrow();
            assertTrue(own.contains(myLine + (follows ? a.id() + " " : "")), own);
            String info = textOf(b.call("INFO", "replication"));
            assertEquals(follows, info.contains("role:slave"), info);
        }
    }
}

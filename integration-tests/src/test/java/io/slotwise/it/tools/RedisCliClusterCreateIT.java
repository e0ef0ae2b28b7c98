package io.slotwise.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.it.fixture.AdminConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forms clusters of six simulator processes the two ways operators do, with {@code redis-cli --cluster create} and by
 * hand with CLUSTER MEET, ADDSLOTSRANGE and REPLICATE, and checks them with {@code redis-cli --cluster check}.
 */
class RedisCliClusterCreateIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    @BeforeAll
    static void requireRedisCli() {
        Assumptions.assumeTrue(RedisCli.available(), "redis-cli not found at " + RedisCli.BINARY + "; skipping");
    }

    @Test
    void redisCliCreatesAClusterOfSixSimulatorProcessesThatChecksOk() {
        try (SimProcessCluster nodes = SimProcessCluster.start(6)) {
            List<String> args = new ArrayList<>(List.of("--cluster", "create"));
            nodes.ports().forEach(port -> args.add("127.0.0.1:" + port));
            args.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));

            RedisCli.Result create = RedisCli.run(args.toArray(String[]::new));

            assertEquals(0, create.exitStatus(), () -> create.describe() + nodes.logTails());
            assertTrue(create.output().contains("[OK] All 16384 slots covered."), create::describe);
            RedisCli.awaitCheckOk(nodes.ports().get(0), CONVERGENCE);
            awaitRoles(nodes.ports(), 3, 3);
            assertTrue(nodes.allAlive(), nodes::logTails);
        }
    }

    @Test
    void aClusterFormedByHandFromSimulatorProcessesChecksOk() {
        try (SimProcessCluster nodes = SimProcessCluster.start(6)) {
            List<Integer> ports = nodes.ports();
            List<String> ids = ports.stream().map(RedisCliClusterCreateIT::myId).toList();
            try (AdminConnection first = AdminConnection.open(ports.get(0), COMMAND_TIMEOUT)) {
                for (int port : ports.subList(1, ports.size())) {
                    assertEquals("OK", first.text("CLUSTER", "MEET", "127.0.0.1", port));
                }
            }
            awaitEveryNodeKnowsAll(ports);
            int[][] ranges = {{0, 5460}, {5461, 10922}, {10923, 16383}};
            for (int i = 0; i < 3; i++) {
                try (AdminConnection master = AdminConnection.open(ports.get(i), COMMAND_TIMEOUT)) {
                    assertEquals("OK", master.text("CLUSTER", "ADDSLOTSRANGE", ranges[i][0], ranges[i][1]));
                }
            }
            for (int i = 3; i < 6; i++) {
                try (AdminConnection replica = AdminConnection.open(ports.get(i), COMMAND_TIMEOUT)) {
                    assertEquals("OK", replica.text("CLUSTER", "REPLICATE", ids.get(i - 3)));
                }
            }

            RedisCli.awaitCheckOk(ports.get(0), CONVERGENCE);
            awaitRoles(ports, 3, 3);
            assertTrue(nodes.allAlive(), nodes::logTails);
        }
    }

    private static String myId(int port) {
        try (AdminConnection connection = AdminConnection.open(port, COMMAND_TIMEOUT)) {
            return connection.text("CLUSTER", "MYID");
        }
    }

    private static void awaitEveryNodeKnowsAll(List<Integer> ports) {
        Waiting.until("every node knows all " + ports.size() + " nodes", CONVERGENCE, () -> {
            for (int port : ports) {
                List<ClusterNodesLine> lines = ClusterNodesLine.fetch(port);
                long known = lines.stream()
                        .filter(line -> !line.flags().contains("handshake"))
                        .count();
                if (known != ports.size()) {
                    return Optional.of("127.0.0.1:" + port + " knows " + known + ": " + lines);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Waits until every node's own view has the expected numbers of masters and of replicas following a master
     * (check can pass before REPLICATE's role change has reached every node).
     */
    private static void awaitRoles(List<Integer> ports, int masters, int replicas) {
        Waiting.until(masters + " masters and " + replicas + " replicas in every view", CONVERGENCE, () -> {
            for (int port : ports) {
                List<ClusterNodesLine> lines = ClusterNodesLine.fetch(port);
                long masterCount =
                        lines.stream().filter(ClusterNodesLine::isMaster).count();
                long replicaCount = lines.stream()
                        .filter(line -> line.flags().contains("slave") && !"-".equals(line.masterId()))
                        .count();
                if (masterCount != masters || replicaCount != replicas) {
                    return Optional.of("127.0.0.1:" + port + " sees " + lines);
                }
            }
            return Optional.empty();
        });
    }
}

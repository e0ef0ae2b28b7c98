package io.slotwise.sim;

import static io.slotwise.sim.Resp.bulk;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fault injection on a running {@link SimCluster}, observed the way a client or redis-cli observes it. */
class SimClusterFaultsTest {
    private static final Duration NODE_TIMEOUT = Duration.ofMillis(500);

    private static SimCluster start(int replicasPerPrimary) {
        return SimCluster.builder()
                .primaries(3)
                .replicasPerPrimary(replicasPerPrimary)
                .nodeTimeout(NODE_TIMEOUT)
                .start();
    }

    @Test
    void killedPrimaryIsMarkedFailByTheOthersAndTheClusterGoesDown() {
        // Without replicas: a replica would be promoted and bring the cluster back (SimClusterFailoverTest).
        try (SimCluster cluster = start(0)) {
            SimClusterNode victim = cluster.nodes().get(0);
            SimClusterNode witness = cluster.nodes().get(1);
            cluster.kill(victim);
            assertFalse(victim.isRunning());
            assertFalse(PortProbe.answersPing(victim.port()), "a killed node stops listening");
            Eventually.until(
                    "the others to flag the killed primary fail",
                    () -> cluster.nodes().stream()
                            .filter(SimClusterNode::isRunning)
                            .allMatch(node -> line(node, victim).contains(" master,fail ")
                                    && info(node).startsWith("cluster_state:fail")));
            Eventually.until(
                    "a failure report about the killed primary",
                    () -> Long.parseLong(call(witness, "CLUSTER", "COUNT-FAILURE-REPORTS", victim.id())
                                    .substring(1)
                                    .trim())
                            > 0);
        }
    }

    @Test
    void restartedPrimaryRejoinsWithItsIdAndSlotsAndTheClusterRecovers() {
        try (SimCluster cluster = start(0)) {
            SimClusterNode victim = cluster.nodes().get(1);
            cluster.kill(victim);
            Eventually.until(
                    "the killed primary to be flagged fail",
                    () -> line(cluster.nodes().get(0), victim).contains(" master,fail "));
            cluster.restart(victim);
            assertTrue(victim.isRunning());
            assertEquals(bulk(victim.id()), call(victim, "CLUSTER", "MYID"));
            cluster.awaitHealthy(Eventually.DEADLINE);
            assertTrue(line(cluster.nodes().get(0), victim).endsWith(" connected 5461-10922"));
            assertEquals(victim, cluster.primaryForSlot(5461).orElseThrow());
            assertThrows(IllegalStateException.class, () -> cluster.restart(victim));
        }
    }

    @Test
    void pausedNodeAnswersNothingUntilResumedAndThePeersNoticeIt() throws Exception {
        try (SimCluster cluster = start(0)) {
            SimClusterNode sleeper = cluster.nodes().get(2);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sleeper.port())) {
                socket.setSoTimeout(300);
                cluster.pause(sleeper);
                socket.getOutputStream().write(RespClient.command("PING").getBytes(StandardCharsets.UTF_8));
                InputStream in = socket.getInputStream();
                assertThrows(SocketTimeoutException.class, in::read, "a paused node does not answer");
                Eventually.until(
                        "the peers to flag the paused node",
                        () -> line(cluster.nodes().get(0), sleeper).matches(".* master,fail\\??.*"));
                cluster.resume(sleeper);
                socket.setSoTimeout(5_000);
                assertEquals(simple("PONG"), new String(in.readNBytes(7), StandardCharsets.UTF_8));
            }
            cluster.awaitHealthy(Eventually.DEADLINE);
        }
    }

    @Test
    void partitionedPrimaryLosesTheClusterAndHealingBringsItBack() {
        try (SimCluster cluster = start(0)) {
            SimClusterNode alone = cluster.nodes().get(0);
            Set<SimClusterNode> majority =
                    Set.of(cluster.nodes().get(1), cluster.nodes().get(2));
            cluster.partition(Set.of(alone), majority);
            Eventually.until(
                    "the minority side to report cluster_state:fail",
                    () -> info(alone).startsWith("cluster_state:fail"));
            Eventually.until(
                    "the majority to flag the lone primary fail",
                    () -> majority.stream().allMatch(node -> line(node, alone).contains(" master,fail ")));
            assertEquals(simple("PONG"), call(alone, "PING"), "clients still reach a partitioned node");
            cluster.heal();
            cluster.awaitHealthy(Eventually.DEADLINE);
            assertTrue(info(alone).startsWith("cluster_state:ok"));
        }
    }

    @Test
    void latencyDelaysRepliesUntilRemoved() {
        try (SimCluster cluster = SimCluster.builder().primaries(1).start();
                RespClient client = RespClient.connect(cluster.nodes().get(0).port())) {
            SimClusterNode node = cluster.nodes().get(0);
            cluster.latency(node, Duration.ofMillis(400));
            long started = System.nanoTime();
            client.send("PING");
            client.send("ECHO", "second");
            assertEquals(simple("PONG"), client.read());
            assertEquals(bulk("second"), client.read());
            assertTrue(System.nanoTime() - started >= 400_000_000L, "replies left before the latency");
            cluster.latency(node, Duration.ZERO);
            started = System.nanoTime();
            assertEquals(simple("PONG"), client.call("PING"));
            assertTrue(System.nanoTime() - started < 400_000_000L, "latency still applied after its removal");
        }
    }

    /** The line describing {@code subject} in {@code viewer}'s CLUSTER NODES. */
    private static String line(SimClusterNode viewer, SimClusterNode subject) {
        for (String line : textOf(call(viewer, "CLUSTER", "NODES")).split("\n")) {
            if (line.startsWith(subject.id() + " ")) {
                return line;
            }
        }
        return "";
    }

    private static String info(SimClusterNode node) {
        return textOf(call(node, "CLUSTER", "INFO"));
    }

    private static String call(SimClusterNode node, String... args) {
        try (RespClient client = RespClient.connect(node.port())) {
            return client.call(args);
        }
    }
}

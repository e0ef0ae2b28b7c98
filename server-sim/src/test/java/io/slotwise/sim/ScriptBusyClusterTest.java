package io.slotwise.sim;

import static io.slotwise.sim.Resp.integer;
import static io.slotwise.sim.Resp.simple;
import static io.slotwise.sim.Resp.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.command.ScriptGate;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A cluster node keeps answering its cluster bus while it runs a long script, so its peers do not suspect it.
 *
 * <p>The cluster forms with the builder's default node timeout and only then lowers it to {@link #NODE_TIMEOUT} on
 * every node (CONFIG SET): forming under a 500 ms timeout makes formation itself fragile on a loaded machine, where a
 * slow PONG gets a node flagged and the nodes then need several timeouts to agree again.
 */
class ScriptBusyClusterTest {
    private static final Duration NODE_TIMEOUT = Duration.ofMillis(500);
    /** Spins for 1.5 s, three node timeouts, reading the clock through the node. */
    private static final String SPIN_1500_MS = "local start = redis.call('time') "
            + "repeat local now = redis.call('time') "
            + "until (now[1] - start[1]) * 1000000 + now[2] - start[2] > 1500000 "
            + "return 1";

    @Test
    void peersDoNotFlagANodeThatRunsAScriptLongerThanTheNodeTimeout() {
        try (SimCluster cluster = SimCluster.builder().primaries(3).start();
                RespClient caller = RespClient.connect(cluster.nodes().get(0).port())) {
            for (SimClusterNode node : cluster.nodes()) {
                assertEquals(
                        simple("OK"),
                        call(node, "CONFIG", "SET", "cluster-node-timeout", Long.toString(NODE_TIMEOUT.toMillis())));
            }
            SimClusterNode busy = cluster.nodes().get(0);
            SimClusterNode peer = cluster.nodes().get(1);
            caller.send("EVAL", SPIN_1500_MS, "0");
            Eventually.until("the script to start", () -> scriptRunning(busy));
            int looks = 0;
            while (scriptRunning(busy)) {
                String view = line(peer, busy);
                assertFalse(view.contains("fail"), view);
                looks++;
            }
            assertEquals(integer(1), caller.read());
            assertTrue(looks > 1, "the peer was asked while the script ran");
            assertTrue(textOf(call(peer, "CLUSTER", "INFO")).startsWith("cluster_state:ok"));
        }
    }

    private static boolean scriptRunning(SimClusterNode node) {
        try {
            return node.node()
                    .eventLoop()
                    .submit(() -> node.node()
                            .service(ScriptGate.class)
                            .map(ScriptGate::running)
                            .orElse(false))
                    .get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(SimClusterNode viewer, SimClusterNode subject) {
        for (String line : textOf(call(viewer, "CLUSTER", "NODES")).split("\n")) {
            if (line.startsWith(subject.id() + " ")) {
                return line;
            }
        }
        return "";
    }

    private static String call(SimClusterNode node, String... args) {
        try (RespClient client = RespClient.connect(node.port())) {
            return client.call(args);
        }
    }
}

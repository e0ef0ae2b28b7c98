package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ForgetBlacklist;
import io.slotwise.sim.cluster.MembershipCommands;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterBusMembershipTest {

    @Test
    void forgottenNodeIsNotReaddedByGossipDuringTheBanButIsAfterwards() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.startMeshed(3, 500)) {
            BusTestNode forgetter = cluster.node(0);
            BusTestNode gossiper = cluster.node(1);
            BusTestNode forgotten = cluster.node(2);
            forgetter.change(state -> MembershipCommands.forget(state, forgotten.id()));
            int before = forgetter.recorder.heartbeatsFrom(gossiper);

            Await.until(
                    BusTestCluster.CONVERGENCE,
                    "ten heartbeats from the third node, about half of them gossiping about the forgotten node",
                    () -> forgetter.recorder.heartbeatsFrom(gossiper) >= before + 10,
                    cluster::diagnostics);
            assertFalse(forgetter.knownIds().contains(forgotten.id()), cluster.diagnostics());

            forgetter.clockOffsetMillis.addAndGet(ForgetBlacklist.TTL_MILLIS + 1_000);

            cluster.awaitNodes(
                    "the forgotten node to be learned again from gossip",
                    List.of(forgetter),
                    node -> node.knownIds().contains(forgotten.id()));
        }
    }

    @Test
    void handshakeWithAnAddressWhereNobodyListensExpiresAfterOneSecond() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.start(1, 500);
                ServerSocket reserved = new ServerSocket(0)) {
            BusTestNode node = cluster.node(0);
            int closedPort = reserved.getLocalPort();
            reserved.close();
            node.change(state -> MembershipCommands.meet(state, "127.0.0.1", "40000", Integer.toString(closedPort)));
            assertEquals(2, node.number(state -> state.nodes().size()));

            Duration took = Await.until(
                    BusTestCluster.CONVERGENCE,
                    "the handshake node to expire",
                    () -> node.number(state -> state.nodes().size()) == 1,
                    cluster::diagnostics);

            assertTrue(took.toMillis() >= 900, "max(node_timeout, 1000) ms, took " + took);
        }
    }

    @Test
    void malformedFrameDropsOnlyThatConnection() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.startMeshed(2, 1_000)) {
            BusTestNode node = cluster.node(0);
            byte[] badMagic = "GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] badVersion = {'S', 'W', 'C', 'B', 9, 0, 0, 0, 0, 0};

            for (byte[] garbage : List.of(badMagic, badVersion)) {
                try (Socket socket = new Socket("127.0.0.1", node.bus.busPort())) {
                    socket.setSoTimeout(5_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(garbage);
                    out.flush();
                    InputStream in = socket.getInputStream();
                    assertEquals(-1, in.read(), "the bus closes the link");
                }
            }

            long before = heartbeatsReceived(node);
            Await.until(
                    BusTestCluster.CONVERGENCE,
                    "the node to keep exchanging heartbeats",
                    () -> heartbeatsReceived(node) > before + 2,
                    cluster::diagnostics);
            cluster.awaitFullMesh();
        }
    }

    private static long heartbeatsReceived(BusTestNode node) {
        return node.number(state -> state.messageStats().received(ClusterMessageType.PING)
                + state.messageStats().received(ClusterMessageType.PONG));
    }
}

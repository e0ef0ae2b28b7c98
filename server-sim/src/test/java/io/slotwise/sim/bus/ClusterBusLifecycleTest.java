package io.slotwise.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.Future;
import io.slotwise.sim.cluster.ClusterConfig;
import io.slotwise.sim.cluster.ClusterEnvironment;
import io.slotwise.sim.cluster.ClusterMessageType;
import io.slotwise.sim.cluster.ClusterState;
import io.slotwise.sim.cluster.LinkState;
import io.slotwise.sim.cluster.LocalKeys;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClusterBusLifecycleTest {

    @Test
    void busOnATakenPortFailsToStartWithRedisMessage() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ClusterState state = ClusterState.createFresh(
                    ClusterConfig.defaults(),
                    ClusterEnvironment.system(LocalKeys.EMPTY),
                    "",
                    7000,
                    taken.getLocalPort());

            Future<ClusterBus> started = ClusterBus.start(
                            group.next(), state, BusConfig.defaults().withBindAddress("127.0.0.1"), BusListener.NONE)
                    .await();

            assertInstanceOf(IllegalStateException.class, started.cause());
            assertEquals(
                    "Failed listening on port " + taken.getLocalPort() + " (cluster), aborting.",
                    started.cause().getMessage());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingTheBusClosesTheServerAndEveryLink() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.startMeshed(2, 1_000)) {
            BusTestNode closing = cluster.node(0);
            BusTestNode peer = cluster.node(1);

            assertTrue(closing.closeBus().await(5, TimeUnit.SECONDS));
            assertTrue(closing.closeBus().await(5, TimeUnit.SECONDS), "closing twice is harmless");

            assertEquals(
                    LinkState.DISCONNECTED,
                    closing.read(
                            state -> state.findNode(peer.id()).orElseThrow().linkState()));
            long sent = closing.number(state -> state.messageStats().totalSent());
            cluster.awaitNodes(
                    "the peer to see the link gone",
                    List.of(peer),
                    node -> node.holds(
                            state -> state.findNode(closing.id()).orElseThrow().linkState() == LinkState.DISCONNECTED));
            assertEquals(sent, closing.number(state -> state.messageStats().totalSent()), "a closed bus is silent");
        }
    }

    @Test
    void loopOnlyMethodsRefuseOtherThreads() throws Exception {
        try (BusTestCluster cluster = BusTestCluster.start(1, 1_000)) {
            ClusterBus bus = cluster.node(0).bus;

            assertThrows(IllegalStateException.class, bus::flushPendingActions);
            assertThrows(IllegalStateException.class, bus::broadcastPong);
            assertThrows(
                    IllegalStateException.class,
                    () -> bus.broadcastControl(ClusterMessageType.FAILOVER_AUTH_REQUEST, Set.of()));
            assertNotEquals(0, bus.busPort());
        }
    }
}

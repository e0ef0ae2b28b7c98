package io.slotwise.netty.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slotwise.command.Routing;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which nodes a fanned-out command goes to after a failover: the killed primary stays in the topology as a failing node
 * without slots until it returns, and must not fail every {@code PUBSUB NUMSUB} or {@code DBSIZE} meanwhile.
 */
class FanOutTargetsTest {

    private static final NodeAddress A = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress A_REPLICA = new NodeAddress("127.0.0.1", 7003);
    private static final NodeAddress PROMOTED = new NodeAddress("127.0.0.1", 7004);
    private static final NodeAddress KILLED = new NodeAddress("127.0.0.1", 7001);
    private static final NodeAddress EMPTY = new NodeAddress("127.0.0.1", 7009);

    private static final ClusterTopology AFTER_FAILOVER = ClusterTopology.of(List.of(
            new Shard(
                    ClusterNode.primaryAt(A),
                    List.of(new ClusterNode("r", A_REPLICA, ClusterNode.Role.REPLICA, true)),
                    List.of(new SlotRange(0, 8191))),
            new Shard(ClusterNode.primaryAt(PROMOTED), List.of(), List.of(new SlotRange(8192, 16383))),
            new Shard(new ClusterNode("k", KILLED, ClusterNode.Role.PRIMARY, false), List.of(), List.of()),
            new Shard(ClusterNode.primaryAt(EMPTY), List.of(), List.of())));

    @Test
    void everyPrimaryMeansEveryShardButAFailingPrimaryWithoutSlots() {
        assertEquals(
                List.of(A, PROMOTED, EMPTY),
                FanOutExecutor.targets(AFTER_FAILOVER, Routing.FanOut.Target.ALL_PRIMARIES));
    }

    @Test
    void everyNodeMeansEveryNodeTheClusterDoesNotReportAsFailing() {
        List<NodeAddress> targets = FanOutExecutor.targets(AFTER_FAILOVER, Routing.FanOut.Target.ALL_NODES);

        assertEquals(4, targets.size(), targets::toString);
        assertEquals(false, targets.contains(KILLED));
    }
}

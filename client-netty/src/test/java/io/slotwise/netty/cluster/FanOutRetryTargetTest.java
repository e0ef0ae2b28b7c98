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

/** Where a failed part of a fanned-out command is retried: with the slots of its primary, or on its node. */
class FanOutRetryTargetTest {

    private static final NodeAddress A = new NodeAddress("127.0.0.1", 7000);
    private static final NodeAddress B = new NodeAddress("127.0.0.1", 7001);
    private static final NodeAddress B_REPLICA = new NodeAddress("127.0.0.1", 7004);
    private static final NodeAddress EMPTY = new NodeAddress("127.0.0.1", 7009);

    private static final ClusterTopology BEFORE = ClusterTopology.of(List.of(
            shard(A, List.of(), new SlotRange(0, 8191)),
            shard(B, List.of(B_REPLICA), new SlotRange(8192, 16383)),
            new Shard(ClusterNode.primaryAt(EMPTY), List.of(), List.of())));

    private static final ClusterTopology AFTER_FAILOVER = ClusterTopology.of(List.of(
            shard(A, List.of(), new SlotRange(0, 8191)),
            shard(B_REPLICA, List.of(), new SlotRange(8192, 16383)),
            new Shard(ClusterNode.primaryAt(EMPTY), List.of(), List.of())));

    @Test
    void aPrimarysPartFollowsItsSlotsToThePromotedReplica() {
        assertEquals(
                B_REPLICA, FanOutExecutor.retryTarget(BEFORE, B, Routing.FanOut.Target.ALL_PRIMARIES, AFTER_FAILOVER));
        assertEquals(A, FanOutExecutor.retryTarget(BEFORE, A, Routing.FanOut.Target.ALL_PRIMARIES, AFTER_FAILOVER));
    }

    @Test
    void aPartForAPrimaryWithoutSlotsOrForEveryNodeStaysOnItsNode() {
        assertEquals(
                EMPTY, FanOutExecutor.retryTarget(BEFORE, EMPTY, Routing.FanOut.Target.ALL_PRIMARIES, AFTER_FAILOVER));
        assertEquals(B, FanOutExecutor.retryTarget(BEFORE, B, Routing.FanOut.Target.ALL_NODES, AFTER_FAILOVER));
    }

    private static Shard shard(NodeAddress primary, List<NodeAddress> replicas, SlotRange slots) {
        return new Shard(
                ClusterNode.primaryAt(primary),
                replicas.stream()
                        .map(address ->
                                new ClusterNode("replica-" + address.port(), address, ClusterNode.Role.REPLICA, true))
                        .toList(),
                List.of(slots));
    }
}

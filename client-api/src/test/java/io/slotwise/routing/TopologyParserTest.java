package io.slotwise.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slotwise.TopologyParseException;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyParserTest {

    private static final String ID_A = "c1370cb59c3d894ea62f0c72d4fab21c70273740";
    private static final String ID_B = "1fdfa67bd8dfa43e663fda19165b6c0fc7d66506";
    private static final String ID_R = "097bf5566918cbd85f04c5c5119d84369beb6aae";
    private static final String ID_F = "77bf13e34cf46ca53b149292322ade34915d8dcd";

    /** A CLUSTER SHARDS reply as Redis 7.0 sends it: two shards, the first with a healthy and a failed replica. */
    private static RespValue shardsReply(boolean resp3) {
        return array(
                shard(
                        resp3,
                        List.of(0, 8191),
                        node(resp3, ID_A, 7000, "127.0.0.1", "127.0.0.1", "master", "online"),
                        node(resp3, ID_R, 7002, "127.0.0.1", "127.0.0.1", "replica", "online"),
                        node(resp3, ID_F, 7003, "127.0.0.1", "127.0.0.1", "replica", "fail")),
                shard(
                        resp3,
                        List.of(8192, 10000, 10002, 16383),
                        node(resp3, ID_B, 7001, "127.0.0.1", "127.0.0.1", "master", "online")));
    }

    @Test
    void shardsReplyGivesShardsWithTheirReplicasAndSlots() {
        ClusterTopology topology = TopologyParser.fromShards(shardsReply(true), "127.0.0.1");
        assertEquals(2, topology.shards().size());
        Shard first = topology.shardForSlot(0);
        assertEquals(new ClusterNode(ID_A, addr(7000), ClusterNode.Role.PRIMARY, true), first.primary());
        assertEquals(
                List.of(addr(7002), addr(7003)),
                first.replicas().stream().map(ClusterNode::address).toList());
        assertTrue(first.replicas().get(0).healthy());
        assertFalse(first.replicas().get(1).healthy());
        assertEquals(addr(7001), topology.shardForSlot(16383).primary().address());
        assertEquals(null, topology.shardForSlot(10001));
        assertEquals(16383, topology.coveredSlotCount());
    }

    @Test
    void resp2AndResp3ShardsRepliesGiveTheSameTopology() {
        assertEquals(
                TopologyParser.fromShards(shardsReply(true), "127.0.0.1"),
                TopologyParser.fromShards(shardsReply(false), "127.0.0.1"));
    }

    @Test
    void missingOrUnknownEndpointsFallBackToTheIpThenTheReplyingHost() {
        RespValue reply = array(
                shard(true, List.of(0, 100), node(true, ID_A, 7000, "10.0.0.5", "?", "master", "online")),
                shard(true, List.of(101, 200), node(true, ID_B, 7001, "", "", "master", "online")));
        ClusterTopology topology = TopologyParser.fromShards(reply, "192.0.2.1");
        assertEquals(
                new NodeAddress("10.0.0.5", 7000),
                topology.shardForSlot(0).primary().address());
        assertEquals(
                new NodeAddress("192.0.2.1", 7001),
                topology.shardForSlot(101).primary().address());
    }

    @Test
    void slotsReplyGroupsRangesByPrimary() {
        RespValue consistent = array(
                array(integer(0), integer(99), slotsNode("127.0.0.1", 7000, ID_A), slotsNode("127.0.0.1", 7002, ID_R)),
                array(integer(100), integer(8191), slotsNode("127.0.0.1", 7001, ID_B)),
                array(integer(8192), integer(16383), slotsNode("127.0.0.1", 7000, ID_A)));
        ClusterTopology topology = TopologyParser.fromSlots(consistent, "127.0.0.1");
        assertEquals(2, topology.shards().size());
        Shard a = topology.shardForSlot(0);
        assertEquals(List.of(new SlotRange(0, 99), new SlotRange(8192, 16383)), a.slots());
        assertEquals(ID_R, a.replicas().get(0).id());
        assertTrue(topology.coversAllSlots());
    }

    @Test
    void slotsReplyWithANullEndpointUsesTheReplyingHost() {
        RespValue reply = array(array(
                integer(0),
                integer(16383),
                array(RespValue.Null.INSTANCE, integer(7000), bulk(ID_A), new RespValue.Map(List.of()))));
        ClusterTopology topology = TopologyParser.fromSlots(reply, "192.0.2.7");
        assertEquals(
                new NodeAddress("192.0.2.7", 7000),
                topology.shardForSlot(5).primary().address());
    }

    @Test
    void shardsAndSlotsRepliesOfOneClusterAgree() {
        RespValue slots = array(
                array(
                        integer(0),
                        integer(8191),
                        slotsNode("127.0.0.1", 7000, ID_A),
                        slotsNode("127.0.0.1", 7002, ID_R),
                        slotsNode("127.0.0.1", 7003, ID_F)),
                array(integer(8192), integer(10000), slotsNode("127.0.0.1", 7001, ID_B)),
                array(integer(10002), integer(16383), slotsNode("127.0.0.1", 7001, ID_B)));
        assertTrue(TopologyConsensus.sameSlotOwners(
                TopologyParser.fromShards(shardsReply(false), "127.0.0.1"),
                TopologyParser.fromSlots(slots, "127.0.0.1")));
    }

    @Test
    void malformedRepliesAreRejectedWithAClearMessage() {
        assertMessage(
                "CLUSTER SHARDS reply is not an array: error reply 'ERR unknown subcommand'",
                () -> TopologyParser.fromShards(new RespValue.Error("ERR unknown subcommand"), "h"));
        assertMessage(
                "shard slots has an odd number of bounds: 3",
                () -> TopologyParser.fromShards(
                        array(shard(true, List.of(0, 5, 7), node(true, ID_A, 7000, "h", "h", "master", "online"))),
                        "h"));
        assertMessage(
                "invalid slot range 10-5",
                () -> TopologyParser.fromShards(
                        array(shard(true, List.of(10, 5), node(true, ID_A, 7000, "h", "h", "master", "online"))), "h"));
        assertMessage(
                "shard serving slots [0-5] lists no primary",
                () -> TopologyParser.fromShards(
                        array(shard(true, List.of(0, 5), node(true, ID_R, 7002, "h", "h", "replica", "online"))), "h"));
        assertMessage(
                "inconsistent topology: slot 3 is claimed by both h:7000 and h:7001",
                () -> TopologyParser.fromShards(
                        array(
                                shard(true, List.of(0, 5), node(true, ID_A, 7000, "h", "h", "master", "online")),
                                shard(true, List.of(3, 9), node(true, ID_B, 7001, "h", "h", "master", "online"))),
                        "h"));
        assertMessage(
                "slot range has 2 elements, expected at least 3",
                () -> TopologyParser.fromSlots(array(array(integer(0), integer(1))), "h"));
        assertMessage(
                "node " + ID_A + " has an invalid address h:70000",
                () -> TopologyParser.fromSlots(array(array(integer(0), integer(1), slotsNode("h", 70000, ID_A))), "h"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(TopologyParseException.class, call).getMessage());
    }

    private static RespValue shard(boolean resp3, List<Integer> slots, RespValue... nodes) {
        List<RespValue> bounds = new ArrayList<>();
        slots.forEach(s -> bounds.add(integer(s)));
        return fields(resp3, "slots", new RespValue.Array(bounds), "nodes", array(nodes));
    }

    private static RespValue node(
            boolean resp3, String id, int port, String ip, String endpoint, String role, String health) {
        return fields(
                resp3,
                "id",
                bulk(id),
                "port",
                integer(port),
                "ip",
                bulk(ip),
                "endpoint",
                bulk(endpoint),
                "role",
                bulk(role),
                "replication-offset",
                integer(0),
                "health",
                bulk(health));
    }

    private static RespValue slotsNode(String host, int port, String id) {
        return array(bulk(host), integer(port), bulk(id), array());
    }

    private static RespValue fields(boolean resp3, Object... keyValues) {
        if (resp3) {
            List<RespValue.Map.Entry> entries = new ArrayList<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                entries.add(new RespValue.Map.Entry(bulk((String) keyValues[i]), (RespValue) keyValues[i + 1]));
            }
            return new RespValue.Map(entries);
        }
        List<RespValue> flat = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            flat.add(bulk((String) keyValues[i]));
            flat.add((RespValue) keyValues[i + 1]);
        }
        return new RespValue.Array(flat);
    }

    private static RespValue.Array array(RespValue... elements) {
        return new RespValue.Array(List.of(elements));
    }

    private static RespValue bulk(String text) {
        return RespValue.Bulk.of(text);
    }

    private static RespValue integer(long value) {
        return new RespValue.Int(value);
    }

    private static NodeAddress addr(int port) {
        return new NodeAddress("127.0.0.1", port);
    }
}

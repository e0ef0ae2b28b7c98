package io.slotwise.routing;

import static io.slotwise.routing.ReplyFields.array;
import static io.slotwise.routing.ReplyFields.integer;
import static io.slotwise.routing.ReplyFields.map;
import static io.slotwise.routing.ReplyFields.optionalText;
import static io.slotwise.routing.ReplyFields.text;

import io.slotwise.TopologyParseException;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.ClusterNode;
import io.slotwise.topology.ClusterTopology;
import io.slotwise.topology.NodeAddress;
import io.slotwise.topology.Shard;
import io.slotwise.topology.SlotRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topology from a node's answer to {@code CLUSTER SHARDS} (Redis 7+) or {@code CLUSTER SLOTS} (the fallback),
 * in RESP2 or RESP3.
 *
 * <p>A node's address is its announced endpoint; where the cluster announces none (empty, {@code ?} or null), the IP,
 * and where that is empty too, the host of the node that answered, as for redirects.
 */
public final class TopologyParser {

    private TopologyParser() {}

    /**
     * Parses a {@code CLUSTER SHARDS} reply: one map per shard with {@code slots} (flat start/end pairs) and
     * {@code nodes} (maps with {@code id}, {@code port}, {@code ip}, {@code endpoint}, {@code role}, {@code health}).
     * Replicas whose health is not {@code online} are kept but marked unhealthy.
     *
     * @param reply the reply
     * @param replyingHost the host of the node that answered
     * @return the topology
     * @throws TopologyParseException if the reply does not have that shape
     */
    public static ClusterTopology fromShards(RespValue reply, String replyingHost) {
        List<Shard> shards = new ArrayList<>();
        for (RespValue element : array(reply, "CLUSTER SHARDS reply")) {
            Map<String, RespValue> shard = map(element, "shard");
            List<SlotRange> slots = slotRanges(required(shard, "slots", "shard"));
            ClusterNode primary = null;
            List<ClusterNode> replicas = new ArrayList<>();
            for (RespValue nodeValue : array(required(shard, "nodes", "shard"), "shard nodes")) {
                ClusterNode node = shardNode(map(nodeValue, "shard node"), replyingHost);
                if (node.role() == ClusterNode.Role.PRIMARY) {
                    primary = node;
                } else {
                    replicas.add(node);
                }
            }
            if (primary == null) {
                if (!slots.isEmpty()) {
                    throw new TopologyParseException("shard serving slots " + slots + " lists no primary");
                }
                continue;
            }
            shards.add(new Shard(primary, replicas, slots));
        }
        return build(shards);
    }

    /**
     * Parses a {@code CLUSTER SLOTS} reply: one array per slot range, {@code [start, end, primary, replica...]}, each
     * node as {@code [endpoint, port, id, metadata]}.
     *
     * @param reply the reply
     * @param replyingHost the host of the node that answered
     * @return the topology
     * @throws TopologyParseException if the reply does not have that shape
     */
    public static ClusterTopology fromSlots(RespValue reply, String replyingHost) {
        Map<NodeAddress, ClusterNode> primaries = new LinkedHashMap<>();
        Map<NodeAddress, List<SlotRange>> slotsByPrimary = new LinkedHashMap<>();
        Map<NodeAddress, Map<NodeAddress, ClusterNode>> replicasByPrimary = new LinkedHashMap<>();
        for (RespValue element : array(reply, "CLUSTER SLOTS reply")) {
            List<RespValue> range = array(element, "slot range");
            if (range.size() < 3) {
                throw new TopologyParseException("slot range has " + range.size() + " elements, expected at least 3");
            }
            SlotRange slots = slotRange(integer(range.get(0), "range start"), integer(range.get(1), "range end"));
            ClusterNode primary = slotsNode(range.get(2), ClusterNode.Role.PRIMARY, replyingHost);
            primaries.putIfAbsent(primary.address(), primary);
            slotsByPrimary
                    .computeIfAbsent(primary.address(), a -> new ArrayList<>())
                    .add(slots);
            Map<NodeAddress, ClusterNode> replicas =
                    replicasByPrimary.computeIfAbsent(primary.address(), a -> new LinkedHashMap<>());
            for (int i = 3; i < range.size(); i++) {
                ClusterNode replica = slotsNode(range.get(i), ClusterNode.Role.REPLICA, replyingHost);
                replicas.putIfAbsent(replica.address(), replica);
            }
        }
        List<Shard> shards = new ArrayList<>();
        primaries.forEach((address, primary) -> {
            List<SlotRange> ranges = new ArrayList<>(slotsByPrimary.get(address));
            ranges.sort((a, b) -> Integer.compare(a.start(), b.start()));
            shards.add(new Shard(
                    primary, List.copyOf(replicasByPrimary.get(address).values()), ranges));
        });
        return build(shards);
    }

    private static ClusterTopology build(List<Shard> shards) {
        try {
            return ClusterTopology.of(shards);
        } catch (IllegalArgumentException e) {
            throw new TopologyParseException("inconsistent topology: " + e.getMessage());
        }
    }

    private static ClusterNode shardNode(Map<String, RespValue> fields, String replyingHost) {
        String id = text(required(fields, "id", "shard node"), "node id");
        RespValue portValue = fields.containsKey("port") ? fields.get("port") : fields.get("tls-port");
        if (portValue == null) {
            throw new TopologyParseException("shard node " + id + " has neither port nor tls-port");
        }
        String host = hostOf(
                optionalText(fields.get("endpoint"), "endpoint"), optionalText(fields.get("ip"), "ip"), replyingHost);
        String role = text(required(fields, "role", "shard node"), "role");
        ClusterNode.Role nodeRole = switch (role) {
            case "master", "primary" -> ClusterNode.Role.PRIMARY;
            case "replica", "slave" -> ClusterNode.Role.REPLICA;
            default -> throw new TopologyParseException("shard node " + id + " has unknown role '" + role + "'");
        };
        String health = optionalText(fields.get("health"), "health");
        boolean healthy = health == null || health.equals("online");
        return new ClusterNode(id, address(host, integer(portValue, "port"), id), nodeRole, healthy);
    }

    private static ClusterNode slotsNode(RespValue value, ClusterNode.Role role, String replyingHost) {
        List<RespValue> fields = array(value, "slot range node");
        if (fields.size() < 2) {
            throw new TopologyParseException("slot range node has " + fields.size() + " elements, expected >= 2");
        }
        String endpoint = optionalText(fields.get(0), "endpoint");
        String id = fields.size() > 2 ? text(fields.get(2), "node id") : "";
        String ip = null;
        if (fields.size() > 3 && !fields.get(3).isNull()) {
            RespValue ipValue = map(fields.get(3), "node metadata").get("ip");
            ip = optionalText(ipValue, "ip");
        }
        String host = hostOf(endpoint, ip, replyingHost);
        return new ClusterNode(id, address(host, integer(fields.get(1), "port"), id), role, true);
    }

    private static String hostOf(String endpoint, String ip, String replyingHost) {
        if (endpoint != null && !endpoint.isEmpty() && !endpoint.equals("?")) {
            return endpoint;
        }
        if (ip != null && !ip.isEmpty()) {
            return ip;
        }
        return replyingHost;
    }

    private static NodeAddress address(String host, long port, String id) {
        try {
            return new NodeAddress(host, Math.toIntExact(port));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new TopologyParseException("node " + id + " has an invalid address " + host + ":" + port);
        }
    }

    private static List<SlotRange> slotRanges(RespValue value) {
        List<RespValue> bounds = array(value, "shard slots");
        if (bounds.size() % 2 != 0) {
            throw new TopologyParseException("shard slots has an odd number of bounds: " + bounds.size());
        }
        List<SlotRange> ranges = new ArrayList<>(bounds.size() / 2);
        for (int i = 0; i < bounds.size(); i += 2) {
            ranges.add(slotRange(integer(bounds.get(i), "slot"), integer(bounds.get(i + 1), "slot")));
        }
        return ranges;
    }

    private static SlotRange slotRange(long start, long end) {
        if (start < 0 || end >= SlotHash.SLOT_COUNT || start > end) {
            throw new TopologyParseException("invalid slot range " + start + "-" + end);
        }
        return new SlotRange((int) start, (int) end);
    }

    private static RespValue required(Map<String, RespValue> fields, String name, String what) {
        RespValue value = fields.get(name);
        if (value == null) {
            throw new TopologyParseException(what + " has no '" + name + "' field");
        }
        return value;
    }
}

package io.slotwise.netty.testing;

import static io.slotwise.netty.testing.Exchange.bulk;

import java.util.ArrayList;
import java.util.List;

/** Writes a fake cluster's CLUSTER SHARDS and CLUSTER SLOTS replies (RESP2 shapes) from a slot-owner table. */
final class ClusterTopologyReplies {

    private ClusterTopologyReplies() {}

    /** Slot ranges per primary index: flat start/end pairs. */
    private static List<List<Integer>> rangesByPrimary(int[] owners, int primaryCount) {
        List<List<Integer>> ranges = new ArrayList<>();
        for (int p = 0; p < primaryCount; p++) {
            ranges.add(new ArrayList<>());
        }
        int slot = 0;
        while (slot < owners.length) {
            int end = slot;
            while (end + 1 < owners.length && owners[end + 1] == owners[slot]) {
                end++;
            }
            if (owners[slot] >= 0) {
                ranges.get(owners[slot]).add(slot);
                ranges.get(owners[slot]).add(end);
            }
            slot = end + 1;
        }
        return ranges;
    }

    static String shards(FakeCluster cluster, int[] owners) {
        List<FakeClusterNode> primaries = cluster.primaries();
        List<List<Integer>> ranges = rangesByPrimary(owners, primaries.size());
        StringBuilder out = new StringBuilder("*").append(primaries.size()).append("\r\n");
        for (int p = 0; p < primaries.size(); p++) {
            FakeClusterNode primary = primaries.get(p);
            List<FakeClusterNode> members = new ArrayList<>();
            members.add(primary);
            members.addAll(cluster.replicasOf(primary));
            out.append("*4\r\n")
                    .append(bulk("slots"))
                    .append('*')
                    .append(ranges.get(p).size())
                    .append("\r\n");
            for (int bound : ranges.get(p)) {
                out.append(':').append(bound).append("\r\n");
            }
            out.append(bulk("nodes")).append('*').append(members.size()).append("\r\n");
            for (FakeClusterNode node : members) {
                out.append("*12\r\n")
                        .append(bulk("id"))
                        .append(bulk(node.id()))
                        .append(bulk("port"))
                        .append(':')
                        .append(node.announced().port())
                        .append("\r\n")
                        .append(bulk("ip"))
                        .append(bulk(node.announced().host()))
                        .append(bulk("endpoint"))
                        .append(bulk(node.announced().host()))
                        .append(bulk("role"))
                        .append(bulk(node.isPrimary() ? "master" : "replica"))
                        .append(bulk("health"))
                        .append(bulk("online"));
            }
        }
        return out.toString();
    }

    static String slots(FakeCluster cluster, int[] owners) {
        List<FakeClusterNode> primaries = cluster.primaries();
        List<List<Integer>> ranges = rangesByPrimary(owners, primaries.size());
        List<String> entries = new ArrayList<>();
        for (int p = 0; p < primaries.size(); p++) {
            List<FakeClusterNode> members = new ArrayList<>();
            members.add(primaries.get(p));
            members.addAll(cluster.replicasOf(primaries.get(p)));
            List<Integer> bounds = ranges.get(p);
            for (int i = 0; i < bounds.size(); i += 2) {
                StringBuilder entry = new StringBuilder("*")
                        .append(2 + members.size())
                        .append("\r\n:")
                        .append(bounds.get(i))
                        .append("\r\n:")
                        .append(bounds.get(i + 1))
                        .append("\r\n");
                for (FakeClusterNode node : members) {
                    entry.append("*3\r\n")
                            .append(bulk(node.announced().host()))
                            .append(':')
                            .append(node.announced().port())
                            .append("\r\n")
                            .append(bulk(node.id()));
                }
                entries.add(entry.toString());
            }
        }
        return "*" + entries.size() + "\r\n" + String.join("", entries);
    }
}

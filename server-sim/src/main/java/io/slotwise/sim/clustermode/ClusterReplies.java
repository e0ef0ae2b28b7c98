package io.slotwise.sim.clustermode;

import io.slotwise.sim.cluster.ClusterReply;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the cluster package's protocol-neutral {@link ClusterReply} trees (CLUSTER SLOTS, SHARDS) into protocol
 * replies: a dictionary becomes a map, which RESP2 connections receive as a flat array. Stateless.
 */
final class ClusterReplies {

    private ClusterReplies() {}

    /**
     * Converts a tree.
     *
     * @param tree the tree
     * @return the equivalent reply
     */
    static Reply toReply(ClusterReply tree) {
        if (tree instanceof ClusterReply.Int integer) {
            return Reply.integer(integer.value());
        }
        if (tree instanceof ClusterReply.Bulk bulk) {
            return Reply.bulk(bulk.value());
        }
        if (tree instanceof ClusterReply.NullBulk) {
            return Reply.nullBulk();
        }
        if (tree instanceof ClusterReply.Array array) {
            List<Reply> items = new ArrayList<>(array.items().size());
            array.items().forEach(item -> items.add(toReply(item)));
            return new Reply.Array(items);
        }
        ClusterReply.Dict dict = (ClusterReply.Dict) tree;
        List<Reply.Entry> entries = new ArrayList<>(dict.entries().size());
        dict.entries().forEach(entry -> entries.add(Reply.entry(Reply.bulk(entry.key()), toReply(entry.value()))));
        return new Reply.Map(entries);
    }
}

package io.slotwise.netty.cluster;

import io.slotwise.RedisCommandException;
import io.slotwise.netty.connection.NodeConnection;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.TopologyParser;
import io.slotwise.topology.ClusterTopology;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks one node for its view of the cluster: {@code CLUSTER SHARDS}, or {@code CLUSTER SLOTS} when the node answers
 * {@code SHARDS} with an error (Redis before 7 does not know it). Parsing is {@link TopologyParser}'s.
 */
final class TopologyQuery {

    private static final RawCommand SHARDS = RawCommand.of("CLUSTER", "SHARDS");
    private static final RawCommand SLOTS = RawCommand.of("CLUSTER", "SLOTS");

    private TopologyQuery() {}

    /**
     * Fetches a node's view.
     *
     * @param connection the connection to the node
     * @return the node's view; fails with the connection's failure, a {@link RedisCommandException} if the node also
     *     refuses {@code CLUSTER SLOTS} (for example a node without cluster support), or a
     *     {@link io.slotwise.TopologyParseException}
     */
    static CompletionStage<ClusterTopology> fetch(NodeConnection connection) {
        String host = connection.address().host();
        return connection.send(SHARDS).thenCompose(shards -> {
            if (!(shards.withoutAttributes() instanceof RespValue.Error)) {
                return CompletableFuture.completedFuture(TopologyParser.fromShards(shards, host));
            }
            return connection.send(SLOTS).thenApply(slots -> {
                if (slots.withoutAttributes() instanceof RespValue.Error error) {
                    throw new RedisCommandException("CLUSTER SLOTS", error.message());
                }
                return TopologyParser.fromSlots(slots, host);
            });
        });
    }
}

package io.slotwise.api;

import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.key;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.map;

import io.slotwise.command.CommandBuilder;
import io.slotwise.command.ReplyMerger;
import io.slotwise.command.Routing.FanOut.Target;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Publishing and Pub/Sub introspection. Channels are encoded with the key codec, messages with the value codec.
 * Subscribing needs a dedicated connection and lives in {@link io.slotwise.pubsub.ClusterSubscriber}, obtained from
 * {@code RedisClusterClient.pubSub()}.
 *
 * <p>Routing follows how Redis Cluster spreads Pub/Sub state. A classic {@code PUBLISH} reaches subscribers of every
 * node (the cluster bus forwards it), so it may go anywhere; it is sent to the primary owning the channel's slot,
 * which is also where this client's subscribers prefer to sit. A sharded {@code SPUBLISH} must reach the shard owning
 * the channel's slot: it is routed by slot and follows {@code MOVED}/{@code ASK} like a keyed command. Each node
 * counts only its own subscribers, so {@code PUBSUB CHANNELS}/{@code NUMSUB}/{@code NUMPAT} ask every node (replicas
 * included, since subscribers may connect to them) and merge; {@code PUBSUB SHARDCHANNELS}/{@code SHARDNUMSUB} ask
 * every primary and merge. See {@link CommandExecutor} for the error contract.
 *
 * @param <K> the key (channel) type
 * @param <V> the value (message) type
 */
public interface PubSubCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code PUBLISH channel message}, sent to the primary owning the channel's slot.
     *
     * @param channel the channel, never {@code null}
     * @param message the message, never {@code null}
     * @return how many clients of the receiving node got the message (subscribers on other nodes are not counted, as
     *     in Redis Cluster)
     */
    default CompletionStage<Long> publish(K channel, V message) {
        return execute(command("PUBLISH").key(channel).value(message).decodedBy(integer()));
    }

    /**
     * {@code SPUBLISH shardchannel message}, routed by the channel's slot.
     *
     * @param shardChannel the shard channel, never {@code null}
     * @param message the message, never {@code null}
     * @return how many clients of the owning shard got the message
     */
    default CompletionStage<Long> spublish(K shardChannel, V message) {
        return execute(command("SPUBLISH").key(shardChannel).value(message).decodedBy(integer()));
    }

    /**
     * {@code PUBSUB CHANNELS} on every node, merged.
     *
     * @return the channels with at least one subscriber somewhere in the cluster, each once
     */
    default CompletionStage<List<K>> pubsubChannels() {
        return execute(allNodes("PUBSUB CHANNELS", ReplyMerger.UNION_DISTINCT).decodedBy(list(key(codec()))));
    }

    /**
     * {@code PUBSUB CHANNELS pattern} on every node, merged.
     *
     * @param pattern a glob-style pattern, never {@code null}
     * @return the matching channels with at least one subscriber, each once
     */
    default CompletionStage<List<K>> pubsubChannels(K pattern) {
        return execute(allNodes("PUBSUB CHANNELS", ReplyMerger.UNION_DISTINCT)
                .field(pattern)
                .decodedBy(list(key(codec()))));
    }

    /**
     * {@code PUBSUB NUMSUB channel...} on every node, the counts added.
     *
     * @param channels the channels, at least one
     * @return the number of subscribers of each channel in the cluster, in the order given (a channel given twice
     *     appears once)
     */
    default CompletionStage<Map<K, Long>> pubsubNumsub(List<K> channels) {
        return execute(allNodes("PUBSUB NUMSUB", ReplyMerger.SUM_PER_NAME)
                .fields(channels)
                .decodedBy(map(key(codec()), integer())));
    }

    /**
     * {@code PUBSUB NUMPAT} on every node, summed.
     *
     * @return the number of pattern subscriptions in the cluster
     */
    default CompletionStage<Long> pubsubNumpat() {
        return execute(allNodes("PUBSUB NUMPAT", ReplyMerger.SUM).decodedBy(integer()));
    }

    /**
     * {@code PUBSUB SHARDCHANNELS} on every primary, merged.
     *
     * @return the shard channels with at least one subscriber, each once
     */
    default CompletionStage<List<K>> pubsubShardChannels() {
        return execute(command("PUBSUB SHARDCHANNELS")
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.UNION_DISTINCT)
                .decodedBy(list(key(codec()))));
    }

    /**
     * {@code PUBSUB SHARDCHANNELS pattern} on every primary, merged.
     *
     * @param pattern a glob-style pattern, never {@code null}
     * @return the matching shard channels with at least one subscriber, each once
     */
    default CompletionStage<List<K>> pubsubShardChannels(K pattern) {
        return execute(command("PUBSUB SHARDCHANNELS")
                .field(pattern)
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.UNION_DISTINCT)
                .decodedBy(list(key(codec()))));
    }

    /**
     * {@code PUBSUB SHARDNUMSUB shardchannel...} on every primary, the counts added (only the owning shard counts a
     * channel's subscribers).
     *
     * @param shardChannels the shard channels, at least one
     * @return the number of subscribers of each shard channel, in the order given
     */
    default CompletionStage<Map<K, Long>> pubsubShardNumsub(List<K> shardChannels) {
        return execute(command("PUBSUB SHARDNUMSUB")
                .fields(shardChannels)
                .fanOut(Target.ALL_PRIMARIES, ReplyMerger.SUM_PER_NAME)
                .decodedBy(map(key(codec()), integer())));
    }

    private CommandBuilder<K, V> allNodes(String name, ReplyMerger merger) {
        return command(name).fanOut(Target.ALL_NODES, merger);
    }
}

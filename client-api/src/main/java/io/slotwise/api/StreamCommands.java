package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.integer;

import io.slotwise.api.args.StreamBound;
import io.slotwise.api.args.StreamOffset;
import io.slotwise.api.args.StreamTrim;
import io.slotwise.api.args.XAddArgs;
import io.slotwise.api.args.XReadArgs;
import io.slotwise.command.CommandBuilder;
import io.slotwise.value.StreamEntry;
import io.slotwise.value.StreamId;
import io.slotwise.value.StreamInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Commands on streams: adding, reading, deleting and trimming entries, and (inherited from {@link
 * StreamGroupCommands}) consumer groups. Entry fields are encoded and decoded with the key codec, their values with the
 * value codec; group and consumer names are UTF-8 text. Replies decode alike in RESP2 and RESP3.
 *
 * <p>Cluster: {@code XREAD} and {@code XREADGROUP} over several streams need all of them in one slot (use a hash tag,
 * {@code {orders}:eu} and {@code {orders}:us}); otherwise they throw {@link io.slotwise.CrossSlotException} before
 * sending. With {@link XReadArgs#block} they are blocking commands ({@link io.slotwise.command.CommandTrait#BLOCKING}),
 * sent on a dedicated connection and waited for up to the blocking timeout plus the command timeout. See {@link
 * CommandExecutor} for the error contract.
 *
 * @param <K> the key (and field) type
 * @param <V> the value type
 */
public interface StreamCommands<K, V> extends StreamGroupCommands<K, V> {

    /**
     * {@code XADD key * field value...}: appends an entry with a server-chosen ID.
     *
     * @param key the stream, created if missing
     * @param fields the fields and values, at least one, sent in iteration order
     * @return the new entry's ID
     */
    default CompletionStage<StreamId> xadd(K key, Map<K, V> fields) {
        return execute(command("XADD").key(key).arg("*").fieldValues(fields).decodedBy(StreamReplies.id()));
    }

    /**
     * {@code XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT n]] id|* field value...}.
     *
     * @param key the stream
     * @param args the ID ({@code *} by default), {@code NOMKSTREAM} and trimming
     * @param fields the fields and values, at least one, sent in iteration order
     * @return the new entry's ID, or {@code null} with {@code NOMKSTREAM} when the stream does not exist
     */
    default CompletionStage<StreamId> xadd(K key, XAddArgs args, Map<K, V> fields) {
        return execute(command("XADD")
                .key(key)
                .args(args.arguments())
                .fieldValues(fields)
                .decodedBy(StreamReplies.idOrNull()));
    }

    /**
     * {@code XLEN key}.
     *
     * @param key the stream
     * @return the number of entries, 0 if the stream does not exist
     */
    default CompletionStage<Long> xlen(K key) {
        return execute(command("XLEN").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code XRANGE key start end}: the entries with IDs in the range, lowest first.
     *
     * @param key the stream
     * @param start the lower bound, for example {@link StreamBound#minimum()}
     * @param end the upper bound, for example {@link StreamBound#maximum()}
     * @return the entries; empty if none or the stream does not exist
     */
    default CompletionStage<List<StreamEntry<K, V>>> xrange(K key, StreamBound start, StreamBound end) {
        return execute(range("XRANGE", key, start, end).decodedBy(StreamReplies.entries(codec())));
    }

    /**
     * {@code XRANGE key start end COUNT count}: at most {@code count} entries with IDs in the range, lowest first.
     *
     * @param key the stream
     * @param start the lower bound; continue a paged read with {@link StreamBound#exclusive} of the last ID
     * @param end the upper bound
     * @param count the maximum number of entries, not negative
     * @return the entries
     */
    default CompletionStage<List<StreamEntry<K, V>>> xrange(K key, StreamBound start, StreamBound end, long count) {
        return execute(range("XRANGE", key, start, end)
                .arg("COUNT")
                .arg(StreamChecks.nonNegativeCount("XRANGE", count))
                .decodedBy(StreamReplies.entries(codec())));
    }

    /**
     * {@code XREVRANGE key end start}: the entries with IDs in the range, highest first. Note the order of the bounds,
     * as in Redis: the upper one first.
     *
     * @param key the stream
     * @param end the upper bound, for example {@link StreamBound#maximum()}
     * @param start the lower bound, for example {@link StreamBound#minimum()}
     * @return the entries, highest ID first
     */
    default CompletionStage<List<StreamEntry<K, V>>> xrevrange(K key, StreamBound end, StreamBound start) {
        return execute(range("XREVRANGE", key, end, start).decodedBy(StreamReplies.entries(codec())));
    }

    /**
     * {@code XREVRANGE key end start COUNT count}: at most {@code count} entries, highest ID first.
     *
     * @param key the stream
     * @param end the upper bound
     * @param start the lower bound
     * @param count the maximum number of entries, not negative
     * @return the entries, highest ID first
     */
    default CompletionStage<List<StreamEntry<K, V>>> xrevrange(K key, StreamBound end, StreamBound start, long count) {
        return execute(range("XREVRANGE", key, end, start)
                .arg("COUNT")
                .arg(StreamChecks.nonNegativeCount("XREVRANGE", count))
                .decodedBy(StreamReplies.entries(codec())));
    }

    /**
     * {@code XDEL key id...}.
     *
     * @param key the stream
     * @param ids the IDs, at least one
     * @return the number of entries deleted
     */
    default CompletionStage<Long> xdel(K key, List<StreamId> ids) {
        return execute(
                command("XDEL").key(key).args(StreamArgs.ids("XDEL", ids)).decodedBy(integer()));
    }

    /**
     * {@code XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT n]}.
     *
     * @param key the stream
     * @param trim how to trim
     * @return the number of entries removed
     */
    default CompletionStage<Long> xtrim(K key, StreamTrim trim) {
        return execute(command("XTRIM").key(key).args(trim.arguments()).decodedBy(integer()));
    }

    /**
     * {@code XREAD [COUNT n] [BLOCK ms] STREAMS key... position...}: entries after the given positions, without a
     * consumer group. All streams must be in one slot.
     *
     * @param args the count and blocking timeout ({@code NOACK} is rejected)
     * @param offsets the streams and where to read them from (an ID or {@code $}), at least one
     * @return the entries per stream, in reply order, only streams with entries; empty when nothing arrived before the
     *     blocking timeout
     */
    default CompletionStage<Map<K, List<StreamEntry<K, V>>>> xread(XReadArgs args, List<StreamOffset<K>> offsets) {
        CommandBuilder<K, V> builder =
                StreamArgs.streams(command("XREAD").args(args.arguments()), StreamChecks.xreadOffsets(args, offsets));
        args.blockTimeout().ifPresent(builder::blocking);
        return execute(builder.traits(READ_ONLY).decodedBy(StreamReplies.read(codec())));
    }

    /**
     * {@code XINFO STREAM key}: the stream's length, IDs, group count and first and last entries.
     *
     * @param key the stream, which must exist ({@code ERR no such key} otherwise)
     * @return the stream's description
     */
    default CompletionStage<StreamInfo<K, V>> xinfoStream(K key) {
        return execute(command("XINFO STREAM").key(key).traits(READ_ONLY).decodedBy(StreamInfoReplies.stream(codec())));
    }

    /**
     * Starts {@code XRANGE}/{@code XREVRANGE}, read-only, with its two bounds.
     *
     * @param name the command
     * @param key the stream
     * @param first the first bound as sent
     * @param second the second bound as sent
     * @return the builder, for the count and decoder
     */
    private CommandBuilder<K, V> range(String name, K key, StreamBound first, StreamBound second) {
        return command(name)
                .key(key)
                .arg(first.argument())
                .arg(second.argument())
                .traits(READ_ONLY);
    }
}

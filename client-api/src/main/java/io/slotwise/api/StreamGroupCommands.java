package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.bool;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.ok;

import io.slotwise.api.args.StreamOffset;
import io.slotwise.api.args.StreamPosition;
import io.slotwise.api.args.XClaimArgs;
import io.slotwise.api.args.XGroupCreateArgs;
import io.slotwise.api.args.XPendingArgs;
import io.slotwise.api.args.XReadArgs;
import io.slotwise.command.CommandBuilder;
import io.slotwise.value.StreamAutoClaim;
import io.slotwise.value.StreamConsumerInfo;
import io.slotwise.value.StreamEntry;
import io.slotwise.value.StreamGroupInfo;
import io.slotwise.value.StreamId;
import io.slotwise.value.StreamPendingEntry;
import io.slotwise.value.StreamPendingSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Consumer-group commands on streams: managing groups and consumers, reading as a consumer, acknowledging, inspecting
 * and claiming pending entries. Part of {@link StreamCommands}, which describes the codecs, the cluster rules and the
 * blocking behaviour. Group and consumer names are UTF-8 text, never {@code null}.
 *
 * @param <K> the key (and field) type
 * @param <V> the value type
 */
public interface StreamGroupCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD n]}.
     *
     * @param key the stream; must exist unless {@code args} has {@code MKSTREAM}
     * @param group the new group's name
     * @param start where the group starts: after an ID ({@code StreamPosition.after(StreamId.MIN)} delivers the whole
     *     stream) or {@link StreamPosition#lastEntry()}; not {@code >}
     * @param args {@code MKSTREAM} and {@code ENTRIESREAD}
     * @return {@code "OK"}; the stage fails with {@code BUSYGROUP} if the group exists
     */
    default CompletionStage<String> xgroupCreate(K key, String group, StreamPosition start, XGroupCreateArgs args) {
        return execute(command("XGROUP CREATE")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .arg(StreamChecks.groupStart("XGROUP CREATE", start).argument())
                .args(args.arguments())
                .decodedBy(ok()));
    }

    /**
     * {@code XGROUP DESTROY key group}: removes the group and its pending entries.
     *
     * @param key the stream
     * @param group the group
     * @return {@code true} if the group existed
     */
    default CompletionStage<Boolean> xgroupDestroy(K key, String group) {
        return execute(command("XGROUP DESTROY")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .decodedBy(bool()));
    }

    /**
     * {@code XGROUP CREATECONSUMER key group consumer}.
     *
     * @param key the stream
     * @param group the group, which must exist
     * @param consumer the consumer
     * @return {@code true} if the consumer was created, {@code false} if it existed
     */
    default CompletionStage<Boolean> xgroupCreateConsumer(K key, String group, String consumer) {
        return execute(command("XGROUP CREATECONSUMER")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .arg(StreamChecks.name("consumer", consumer))
                .decodedBy(bool()));
    }

    /**
     * {@code XGROUP DELCONSUMER key group consumer}: removes the consumer and its pending entries (they are no longer
     * pending for anyone).
     *
     * @param key the stream
     * @param group the group, which must exist
     * @param consumer the consumer
     * @return the number of pending entries the consumer had
     */
    default CompletionStage<Long> xgroupDelConsumer(K key, String group, String consumer) {
        return execute(command("XGROUP DELCONSUMER")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .arg(StreamChecks.name("consumer", consumer))
                .decodedBy(integer()));
    }

    /**
     * {@code XGROUP SETID key group id|$}: moves the group's last delivered ID.
     *
     * @param key the stream
     * @param group the group, which must exist
     * @param position an ID or {@link StreamPosition#lastEntry()}; not {@code >}
     * @return {@code "OK"}
     */
    default CompletionStage<String> xgroupSetId(K key, String group, StreamPosition position) {
        return execute(setId(key, group, position).decodedBy(ok()));
    }

    /**
     * {@code XGROUP SETID key group id|$ ENTRIESREAD n}: moves the group's last delivered ID and sets its read counter.
     *
     * @param key the stream
     * @param group the group, which must exist
     * @param position an ID or {@link StreamPosition#lastEntry()}; not {@code >}
     * @param entriesRead the group's logical read counter, not negative
     * @return {@code "OK"}
     */
    default CompletionStage<String> xgroupSetId(K key, String group, StreamPosition position, long entriesRead) {
        if (entriesRead < 0) {
            throw new IllegalArgumentException("ENTRIESREAD must not be negative, was " + entriesRead);
        }
        return execute(
                setId(key, group, position).arg("ENTRIESREAD").arg(entriesRead).decodedBy(ok()));
    }

    /**
     * {@code XREADGROUP GROUP group consumer [COUNT n] [BLOCK ms] [NOACK] STREAMS key... position...}: reads as a
     * consumer of a group. With {@link StreamPosition#undelivered()} ({@code >}) it receives entries never delivered
     * to the group, which become pending for this consumer unless {@code NOACK}; with an ID it re-reads its own pending
     * entries after that ID (entries deleted meanwhile come back {@linkplain StreamEntry#isDeleted() without fields}).
     * All streams must be in one slot; the consumer is created on first use.
     *
     * @param group the group, which must exist on every stream
     * @param consumer the consumer
     * @param args count, blocking timeout and {@code NOACK}
     * @param offsets the streams and where to read them from ({@code >} or an ID; not {@code $}), at least one
     * @return the entries per stream, in reply order; empty when nothing arrived before the blocking timeout
     */
    default CompletionStage<Map<K, List<StreamEntry<K, V>>>> xreadgroup(
            String group, String consumer, XReadArgs args, List<StreamOffset<K>> offsets) {
        CommandBuilder<K, V> builder = StreamArgs.streams(
                command("XREADGROUP")
                        .arg("GROUP")
                        .arg(StreamChecks.name("group", group))
                        .arg(StreamChecks.name("consumer", consumer))
                        .args(args.arguments()),
                StreamChecks.xreadgroupOffsets(offsets));
        args.blockTimeout().ifPresent(builder::blocking);
        return execute(builder.decodedBy(StreamReplies.read(codec())));
    }

    /**
     * {@code XACK key group id...}: removes entries from the group's pending list.
     *
     * @param key the stream
     * @param group the group
     * @param ids the IDs, at least one
     * @return the number of entries acknowledged (IDs not pending are not counted)
     */
    default CompletionStage<Long> xack(K key, String group, List<StreamId> ids) {
        return execute(command("XACK")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .args(StreamArgs.ids("XACK", ids))
                .decodedBy(integer()));
    }

    /**
     * {@code XPENDING key group}: the summary of the group's pending entries.
     *
     * @param key the stream
     * @param group the group, which must exist
     * @return the count, the lowest and highest pending IDs and the count per consumer
     */
    default CompletionStage<StreamPendingSummary> xpending(K key, String group) {
        return execute(command("XPENDING")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .traits(READ_ONLY)
                .decodedBy(StreamReplies.pendingSummary()));
    }

    /**
     * {@code XPENDING key group [IDLE ms] start end count [consumer]}: the group's pending entries in an ID range.
     *
     * @param key the stream
     * @param group the group, which must exist
     * @param range the ID range, the count, and optionally the minimum idle time and the consumer
     * @return the pending entries, lowest ID first
     */
    default CompletionStage<List<StreamPendingEntry>> xpending(K key, String group, XPendingArgs range) {
        return execute(command("XPENDING")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .args(range.arguments())
                .traits(READ_ONLY)
                .decodedBy(StreamReplies.pendingEntries()));
    }

    /**
     * {@code XCLAIM key group consumer min-idle-time id... [IDLE ms] [TIME ms] [RETRYCOUNT n] [FORCE]}: takes over
     * pending entries idle at least {@code minIdle}, increasing their delivery counters.
     *
     * @param key the stream
     * @param group the group
     * @param consumer the consumer that takes the entries
     * @param minIdle only entries idle at least this long are claimed; whole milliseconds; not negative
     * @param ids the IDs, at least one
     * @param args idle time, delivery time, retry count and {@code FORCE}
     * @return the claimed entries (IDs not claimed, and entries deleted meanwhile, are left out)
     */
    default CompletionStage<List<StreamEntry<K, V>>> xclaim(
            K key, String group, String consumer, Duration minIdle, List<StreamId> ids, XClaimArgs args) {
        return execute(claim(key, group, consumer, minIdle, ids, args).decodedBy(StreamReplies.entries(codec())));
    }

    /**
     * {@code XCLAIM ... JUSTID}: like {@link #xclaim} but returns only the IDs and leaves the delivery counters as they
     * are.
     *
     * @param key the stream
     * @param group the group
     * @param consumer the consumer that takes the entries
     * @param minIdle only entries idle at least this long are claimed; whole milliseconds; not negative
     * @param ids the IDs, at least one
     * @param args idle time, delivery time, retry count and {@code FORCE}
     * @return the IDs of the claimed entries
     */
    default CompletionStage<List<StreamId>> xclaimJustId(
            K key, String group, String consumer, Duration minIdle, List<StreamId> ids, XClaimArgs args) {
        return execute(
                claim(key, group, consumer, minIdle, ids, args).arg("JUSTID").decodedBy(list(StreamReplies.id())));
    }

    /**
     * {@code XAUTOCLAIM key group consumer min-idle-time start COUNT count}: scans the pending list from {@code start}
     * and claims up to {@code count} entries idle at least {@code minIdle}. Call again with {@link
     * StreamAutoClaim#next()} until {@link StreamAutoClaim#isFinished()}.
     *
     * @param key the stream
     * @param group the group
     * @param consumer the consumer that takes the entries
     * @param minIdle the minimum idle time; whole milliseconds; not negative
     * @param start the ID to scan from, {@link StreamId#MIN} at first
     * @param count the maximum number of entries to claim, at least 1
     * @return the claimed entries, the next start and the IDs found deleted
     */
    default CompletionStage<StreamAutoClaim<StreamEntry<K, V>>> xautoclaim(
            K key, String group, String consumer, Duration minIdle, StreamId start, long count) {
        return execute(autoClaim(key, group, consumer, minIdle, start, count)
                .decodedBy(StreamReplies.autoClaim(StreamReplies.entries(codec()))));
    }

    /**
     * {@code XAUTOCLAIM ... JUSTID}: like {@link #xautoclaim} but returns only the IDs and leaves the delivery counters
     * as they are.
     *
     * @param key the stream
     * @param group the group
     * @param consumer the consumer that takes the entries
     * @param minIdle the minimum idle time; whole milliseconds; not negative
     * @param start the ID to scan from, {@link StreamId#MIN} at first
     * @param count the maximum number of entries to claim, at least 1
     * @return the claimed IDs, the next start and the IDs found deleted
     */
    default CompletionStage<StreamAutoClaim<StreamId>> xautoclaimJustId(
            K key, String group, String consumer, Duration minIdle, StreamId start, long count) {
        return execute(autoClaim(key, group, consumer, minIdle, start, count)
                .arg("JUSTID")
                .decodedBy(StreamReplies.autoClaim(list(StreamReplies.id()))));
    }

    /**
     * {@code XINFO GROUPS key}: the stream's consumer groups.
     *
     * @param key the stream, which must exist
     * @return the groups, in creation order
     */
    default CompletionStage<List<StreamGroupInfo>> xinfoGroups(K key) {
        return execute(command("XINFO GROUPS").key(key).traits(READ_ONLY).decodedBy(StreamInfoReplies.groups()));
    }

    /**
     * {@code XINFO CONSUMERS key group}: the consumers of a group.
     *
     * @param key the stream, which must exist
     * @param group the group, which must exist
     * @return the consumers, by name
     */
    default CompletionStage<List<StreamConsumerInfo>> xinfoConsumers(K key, String group) {
        return execute(command("XINFO CONSUMERS")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .traits(READ_ONLY)
                .decodedBy(StreamInfoReplies.consumers()));
    }

    /** Starts {@code XGROUP SETID key group position}. */
    private CommandBuilder<K, V> setId(K key, String group, StreamPosition position) {
        return command("XGROUP SETID")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .arg(StreamChecks.groupStart("XGROUP SETID", position).argument());
    }

    /** Builds {@code XCLAIM} up to its options, without {@code JUSTID}. */
    private CommandBuilder<K, V> claim(
            K key, String group, String consumer, Duration minIdle, List<StreamId> ids, XClaimArgs args) {
        return command("XCLAIM")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .arg(StreamChecks.name("consumer", consumer))
                .arg(StreamChecks.minIdleMillis(minIdle))
                .args(StreamArgs.ids("XCLAIM", ids))
                .args(args.arguments());
    }

    /** Builds {@code XAUTOCLAIM} up to its count, without {@code JUSTID}. */
    private CommandBuilder<K, V> autoClaim(
            K key, String group, String consumer, Duration minIdle, StreamId start, long count) {
        return command("XAUTOCLAIM")
                .key(key)
                .arg(StreamChecks.name("group", group))
                .arg(StreamChecks.name("consumer", consumer))
                .arg(StreamChecks.minIdleMillis(minIdle))
                .arg(Objects.requireNonNull(start, "start").toString())
                .arg("COUNT")
                .arg(StreamChecks.positiveCount("XAUTOCLAIM", count));
    }
}

package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.data.CollectionRegistrar;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.PendingEntry;
import io.slotwise.sim.keyspace.StreamConsumer;
import io.slotwise.sim.keyspace.StreamGroup;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * XINFO STREAM {@code [FULL [COUNT n]]}, GROUPS, CONSUMERS and HELP with Redis 7.0's fields, as maps (flat arrays in
 * RESP2). {@code radix-tree-keys} is the number of nodes of the stream (see {@link StreamValue}), {@code
 * radix-tree-nodes} the size of a canonical radix tree over their IDs.
 */
final class InfoCommands {
    private InfoCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("xinfo|stream", InfoCommands::stream);
        registrar.register("xinfo|groups", ctx -> groups(existing(ctx)));
        registrar.register("xinfo|consumers", InfoCommands::consumers);
        registrar.register(
                "xinfo|help",
                ctx -> StreamHelp.of(
                        "XINFO",
                        "CONSUMERS <key> <groupname>",
                        "    Show consumers of <groupname>.",
                        "GROUPS <key>",
                        "    Show the stream consumer groups.",
                        "STREAM <key> [FULL [COUNT <count>]",
                        "    Show information about the stream."));
    }

    private static StreamValue existing(CommandContext ctx) {
        StreamValue stream = StreamContext.keyspace(ctx).getStream(StreamContext.key(ctx, 2));
        if (stream == null) {
            throw new CommandException("ERR no such key");
        }
        return stream;
    }

    private static Reply stream(CommandContext ctx) {
        StreamValue stream = existing(ctx);
        boolean full = ctx.argc() > 3;
        long count = 10;
        if (full) {
            if (!ctx.argIs(3, "full")) {
                throw syntax(ctx);
            }
            if (ctx.argc() > 4) {
                if (ctx.argc() != 6 || !ctx.argIs(4, "count")) {
                    throw syntax(ctx);
                }
                count = PendingCommands.integer(ctx, 5);
                if (count < 0) {
                    count = 10;
                }
            }
        }
        List<Reply.Entry> fields = new ArrayList<>();
        fields.add(field("length", Reply.integer(stream.size())));
        fields.add(field("radix-tree-keys", Reply.integer(stream.nodeCount())));
        fields.add(field("radix-tree-nodes", Reply.integer(stream.radixTreeNodeCount())));
        fields.add(field("last-generated-id", StreamReplies.id(stream.lastId())));
        fields.add(field("max-deleted-entry-id", StreamReplies.id(stream.maxDeletedId())));
        fields.add(field("entries-added", Reply.integer(stream.entriesAdded())));
        fields.add(field("recorded-first-entry-id", StreamReplies.id(stream.firstId())));
        if (!full) {
            fields.add(field("groups", Reply.integer(stream.groups().size())));
            fields.add(field("first-entry", edge(stream.entries().firstEntry())));
            fields.add(field("last-entry", edge(stream.entries().lastEntry())));
            return new Reply.Map(fields);
        }
        fields.add(field(
                "entries",
                StreamReplies.entries(StreamRangeCommands.slice(stream, StreamId.MIN, StreamId.MAX, false, count))));
        List<Reply> groups = new ArrayList<>();
        for (StreamGroup group : stream.groups().values()) {
            groups.add(fullGroup(stream, group, count));
        }
        fields.add(field("groups", new Reply.Array(groups)));
        return new Reply.Map(fields);
    }

    private static Reply fullGroup(StreamValue stream, StreamGroup group, long count) {
        List<Reply> pending = new ArrayList<>();
        for (PendingEntry entry : group.pending().values()) {
            if (count > 0 && pending.size() >= count) {
                break;
            }
            pending.add(Reply.array(
                    StreamReplies.id(entry.id()),
                    StreamReplies.bulk(entry.consumer()),
                    Reply.integer(entry.deliveryTimeMillis()),
                    Reply.integer(entry.deliveryCount())));
        }
        List<Reply> consumers = new ArrayList<>();
        for (StreamConsumer consumer : group.consumers().values()) {
            List<PendingEntry> owned = group.pendingOf(consumer.name());
            List<Reply> ownedReplies = new ArrayList<>();
            for (PendingEntry entry : owned) {
                if (count > 0 && ownedReplies.size() >= count) {
                    break;
                }
                ownedReplies.add(Reply.array(
                        StreamReplies.id(entry.id()),
                        Reply.integer(entry.deliveryTimeMillis()),
                        Reply.integer(entry.deliveryCount())));
            }
            consumers.add(Reply.map(
                    field("name", StreamReplies.bulk(consumer.name())),
                    field("seen-time", Reply.integer(consumer.seenTimeMillis())),
                    field("pel-count", Reply.integer(owned.size())),
                    field("pending", new Reply.Array(ownedReplies))));
        }
        return Reply.map(
                field("name", StreamReplies.bulk(group.name())),
                field("last-delivered-id", StreamReplies.id(group.lastDelivered())),
                field("entries-read", entriesRead(group)),
                field("lag", lag(stream, group)),
                field("pel-count", Reply.integer(group.pending().size())),
                field("pending", new Reply.Array(pending)),
                field("consumers", new Reply.Array(consumers)));
    }

    private static Reply groups(StreamValue stream) {
        List<Reply> groups = new ArrayList<>();
        for (StreamGroup group : stream.groups().values()) {
            groups.add(Reply.map(
                    field("name", StreamReplies.bulk(group.name())),
                    field("consumers", Reply.integer(group.consumers().size())),
                    field("pending", Reply.integer(group.pending().size())),
                    field("last-delivered-id", StreamReplies.id(group.lastDelivered())),
                    field("entries-read", entriesRead(group)),
                    field("lag", lag(stream, group))));
        }
        return new Reply.Array(groups);
    }

    private static Reply consumers(CommandContext ctx) {
        StreamValue stream = existing(ctx);
        Bytes name = StreamContext.bytes(ctx, 3);
        StreamGroup group = stream.group(name);
        if (group == null) {
            throw new CommandException("NOGROUP No such consumer group '" + name.toUtf8() + "' for key name '"
                    + StreamContext.bytes(ctx, 2).toUtf8() + "'");
        }
        long now = StreamContext.keyspace(ctx).currentTimeMillis();
        List<Reply> consumers = new ArrayList<>();
        for (StreamConsumer consumer : group.consumers().values()) {
            consumers.add(Reply.map(
                    field("name", StreamReplies.bulk(consumer.name())),
                    field("pending", Reply.integer(group.pendingCount(consumer.name()))),
                    field("idle", Reply.integer(Math.max(0, now - consumer.seenTimeMillis())))));
        }
        return new Reply.Array(consumers);
    }

    private static Reply entriesRead(StreamGroup group) {
        return group.entriesRead() == StreamGroup.UNKNOWN_ENTRIES_READ
                ? Reply.nullBulk()
                : Reply.integer(group.entriesRead());
    }

    private static Reply lag(StreamValue stream, StreamGroup group) {
        long lag = stream.lag(group);
        return lag < 0 ? Reply.nullBulk() : Reply.integer(lag);
    }

    private static Reply edge(Map.Entry<StreamId, List<Bytes>> entry) {
        return entry == null ? Reply.nullBulk() : StreamReplies.entry(entry.getKey(), entry.getValue());
    }

    private static CommandException syntax(CommandContext ctx) {
        return new CommandException(
                "ERR unknown subcommand or wrong number of arguments for '" + ctx.argString(1) + "'. Try XINFO HELP.");
    }

    private static Reply.Entry field(String name, Reply value) {
        return Reply.entry(Reply.bulk(name), value);
    }
}

package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.data.CollectionRegistrar;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.PendingEntry;
import io.slotwise.sim.keyspace.StreamConsumer;
import io.slotwise.sim.keyspace.StreamGroup;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * XACK and XPENDING as Redis 7.0 answers them. XACK answers 0 for a missing key or group and parses every ID before
 * acknowledging any. XPENDING's summary form is {@code [count, first, last, [[consumer, "count"], ...]]} (nulls when
 * nothing is pending); the extended form {@code [IDLE ms] start end count [consumer]} lists {@code [id, consumer,
 * idle ms, deliveries]}.
 */
final class PendingCommands {
    private PendingCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("xack", PendingCommands::xack);
        registrar.register("xpending", PendingCommands::xpending);
    }

    private static Reply xack(CommandContext ctx) {
        Keyspace keyspace = StreamContext.keyspace(ctx);
        Key key = StreamContext.key(ctx, 1);
        StreamValue stream = keyspace.getStream(key);
        StreamGroup group = stream == null ? null : stream.group(StreamContext.bytes(ctx, 2));
        if (group == null) {
            return Reply.integer(0);
        }
        List<StreamId> ids = new ArrayList<>(ctx.argc() - 3);
        for (int i = 3; i < ctx.argc(); i++) {
            ids.add(StreamIds.parseStrict(ctx.arg(i), 0));
        }
        int acknowledged = 0;
        for (StreamId id : ids) {
            if (group.acknowledge(id)) {
                acknowledged++;
            }
        }
        if (acknowledged > 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(acknowledged);
    }

    private static Reply xpending(CommandContext ctx) {
        int argc = ctx.argc();
        if (argc != 3 && (argc < 6 || argc > 9)) {
            throw new CommandException("ERR syntax error");
        }
        long minIdle = 0;
        long count = 0;
        StreamId start = null;
        StreamId end = null;
        Bytes consumerName = null;
        if (argc >= 6) {
            int at = 3;
            if (ctx.argIs(3, "idle")) {
                minIdle = integer(ctx, 4);
                if (argc < 8) {
                    throw new CommandException("ERR syntax error");
                }
                at += 2;
            }
            count = Math.max(0, integer(ctx, at + 2));
            start = StreamIds.parseInterval(ctx.arg(at), true);
            end = StreamIds.parseInterval(ctx.arg(at + 1), false);
            if (at + 3 < argc) {
                consumerName = StreamContext.bytes(ctx, at + 3);
            }
        }
        Keyspace keyspace = StreamContext.keyspace(ctx);
        StreamValue stream = keyspace.getStream(StreamContext.key(ctx, 1));
        StreamGroup group = stream == null ? null : stream.group(StreamContext.bytes(ctx, 2));
        if (group == null) {
            throw new CommandException(
                    "NOGROUP No such key '" + StreamContext.bytes(ctx, 1).toUtf8() + "' or consumer group '"
                            + StreamContext.bytes(ctx, 2).toUtf8() + "'");
        }
        if (argc == 3) {
            return summary(group);
        }
        if (consumerName != null && group.consumer(consumerName) == null) {
            return new Reply.Array(List.of());
        }
        long now = keyspace.currentTimeMillis();
        List<Reply> rows = new ArrayList<>();
        if (start.compareTo(end) <= 0) {
            for (PendingEntry pending :
                    group.pending().subMap(start, true, end, true).values()) {
                if (count == 0) {
                    break;
                }
                if (consumerName != null && !pending.consumer().equals(consumerName)) {
                    continue;
                }
                long idle = now - pending.deliveryTimeMillis();
                if (minIdle != 0 && idle < minIdle) {
                    continue;
                }
                count--;
                rows.add(Reply.array(
                        StreamReplies.id(pending.id()),
                        StreamReplies.bulk(pending.consumer()),
                        Reply.integer(Math.max(0, idle)),
                        Reply.integer(pending.deliveryCount())));
            }
        }
        return new Reply.Array(rows);
    }

    private static Reply summary(StreamGroup group) {
        if (group.pending().isEmpty()) {
            return Reply.array(Reply.integer(0), Reply.nullBulk(), Reply.nullBulk(), Reply.nullArray());
        }
        List<Reply> consumers = new ArrayList<>();
        for (StreamConsumer consumer : group.consumers().values()) {
            int pending = group.pendingCount(consumer.name());
            if (pending > 0) {
                consumers.add(Reply.array(StreamReplies.bulk(consumer.name()), Reply.bulk(Integer.toString(pending))));
            }
        }
        return Reply.array(
                Reply.integer(group.pending().size()),
                StreamReplies.id(group.pending().firstKey()),
                StreamReplies.id(group.pending().lastKey()),
                new Reply.Array(consumers));
    }

    static long integer(CommandContext ctx, int index) {
        OptionalLong value = RedisNumbers.parseLong(ctx.arg(index));
        if (value.isEmpty()) {
            throw new CommandException("ERR value is not an integer or out of range");
        }
        return value.getAsLong();
    }
}

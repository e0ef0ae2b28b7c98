package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.data.CollectionRegistrar;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.PendingEntry;
import io.slotwise.sim.keyspace.StreamGroup;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * XCLAIM {@code key group consumer min-idle id... [IDLE ms] [TIME ms] [RETRYCOUNT n] [FORCE] [JUSTID] [LASTID id]} and
 * XAUTOCLAIM {@code key group consumer min-idle start [COUNT n] [JUSTID]}, as Redis 7.0 runs them: an entry deleted
 * from the stream is dropped from the PEL instead of claimed; a claimed entry changes owner, gets the new delivery
 * time and (unless JUSTID or RETRYCOUNT) one more delivery; the claiming consumer is created on first claim.
 * XAUTOCLAIM answers {@code [next cursor, entries, deleted IDs]}, looking at no more than ten times COUNT entries.
 */
final class ClaimCommands {
    private static final long ATTEMPTS_FACTOR = 10;

    private ClaimCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("xclaim", ClaimCommands::xclaim);
        registrar.register("xautoclaim", ClaimCommands::xautoclaim);
    }

    private static Reply xclaim(CommandContext ctx) {
        Keyspace keyspace = StreamContext.keyspace(ctx);
        Key key = StreamContext.key(ctx, 1);
        StreamValue stream = keyspace.getStream(key);
        StreamGroup group = groupOrFail(ctx, stream);
        long minIdle = Math.max(0, integer(ctx, 4, "Invalid min-idle-time argument for XCLAIM"));
        List<StreamId> ids = new ArrayList<>();
        int j = 5;
        for (; j < ctx.argc(); j++) {
            StreamId id;
            try {
                id = StreamIds.parseStrict(ctx.arg(j), 0);
            } catch (CommandException e) {
                break;
            }
            ids.add(id);
        }
        long now = keyspace.currentTimeMillis();
        long retryCount = -1;
        long deliveryTime = -1;
        boolean force = false;
        boolean justId = false;
        StreamId lastId = StreamId.MIN;
        for (; j < ctx.argc(); j++) {
            boolean more = j + 1 < ctx.argc();
            if (ctx.argIs(j, "force")) {
                force = true;
            } else if (ctx.argIs(j, "justid")) {
                justId = true;
            } else if (ctx.argIs(j, "idle") && more) {
                deliveryTime = now - integer(ctx, ++j, "Invalid IDLE option argument for XCLAIM");
            } else if (ctx.argIs(j, "time") && more) {
                deliveryTime = integer(ctx, ++j, "Invalid TIME option argument for XCLAIM");
            } else if (ctx.argIs(j, "retrycount") && more) {
                retryCount = integer(ctx, ++j, "Invalid RETRYCOUNT option argument for XCLAIM");
            } else if (ctx.argIs(j, "lastid") && more) {
                lastId = StreamIds.parseStrict(ctx.arg(++j), 0);
            } else {
                throw new CommandException("ERR Unrecognized XCLAIM option '" + ctx.argString(j) + "'");
            }
        }
        boolean changed = false;
        if (lastId.compareTo(group.lastDelivered()) > 0) {
            group.setLastDelivered(lastId);
            changed = true;
        }
        if (deliveryTime < 0 || deliveryTime > now) {
            deliveryTime = now;
        }
        Bytes consumer = StreamContext.bytes(ctx, 3);
        boolean consumerSeen = false;
        List<Reply> claimed = new ArrayList<>();
        for (StreamId id : ids) {
            PendingEntry pending = group.pending().get(id);
            List<Bytes> fields = stream.entries().get(id);
            if (fields == null) {
                if (pending != null) {
                    group.acknowledge(id);
                    changed = true;
                }
                continue;
            }
            boolean forced = false;
            if (force && pending == null) {
                pending = new PendingEntry(id, null, now, 1);
                group.putPending(pending);
                forced = true;
                changed = true;
            }
            if (pending == null) {
                continue;
            }
            if (!forced && minIdle != 0 && now - pending.deliveryTimeMillis() < minIdle) {
                continue;
            }
            if (!consumerSeen) {
                GroupDelivery.seen(group, consumer, now);
                consumerSeen = true;
            }
            pending.setConsumer(consumer);
            pending.setDeliveryTimeMillis(deliveryTime);
            if (retryCount >= 0) {
                pending.setDeliveryCount(retryCount);
            } else if (!justId) {
                pending.setDeliveryCount(pending.deliveryCount() + 1);
            }
            claimed.add(justId ? StreamReplies.id(id) : StreamReplies.entry(id, fields));
            changed = true;
        }
        if (changed) {
            keyspace.markModified(key);
        }
        return new Reply.Array(claimed);
    }

    private static Reply xautoclaim(CommandContext ctx) {
        long minIdle = Math.max(0, integer(ctx, 4, "Invalid min-idle-time argument for XAUTOCLAIM"));
        StreamId start = StreamIds.parseInterval(ctx.arg(5), true);
        long count = 100;
        boolean justId = false;
        for (int j = 6; j < ctx.argc(); j++) {
            if (ctx.argIs(j, "count") && j + 1 < ctx.argc()) {
                OptionalLong parsed = RedisNumbers.parseLong(ctx.arg(j + 1));
                long max = Long.MAX_VALUE / ATTEMPTS_FACTOR;
                if (parsed.isEmpty() || parsed.getAsLong() < 1 || parsed.getAsLong() > max) {
                    throw new CommandException("ERR COUNT must be > 0");
                }
                count = parsed.getAsLong();
                j++;
            } else if (ctx.argIs(j, "justid")) {
                justId = true;
            } else {
                throw new CommandException("ERR syntax error");
            }
        }
        Keyspace keyspace = StreamContext.keyspace(ctx);
        Key key = StreamContext.key(ctx, 1);
        StreamValue stream = keyspace.getStream(key);
        StreamGroup group = groupOrFail(ctx, stream);
        long attempts = count * ATTEMPTS_FACTOR;
        long now = keyspace.currentTimeMillis();
        Bytes consumer = StreamContext.bytes(ctx, 3);
        boolean consumerSeen = false;
        boolean changed = false;
        List<PendingEntry> candidates =
                new ArrayList<>(group.pending().tailMap(start, true).values());
        List<Reply> claimed = new ArrayList<>();
        List<Reply> deleted = new ArrayList<>();
        int next = 0;
        while (attempts-- > 0 && count > 0 && next < candidates.size()) {
            PendingEntry pending = candidates.get(next++);
            StreamId id = pending.id();
            List<Bytes> fields = stream.entries().get(id);
            if (fields == null) {
                group.acknowledge(id);
                deleted.add(StreamReplies.id(id));
                count--;
                changed = true;
                continue;
            }
            if (minIdle != 0 && now - pending.deliveryTimeMillis() < minIdle) {
                continue;
            }
            if (!consumerSeen) {
                GroupDelivery.seen(group, consumer, now);
                consumerSeen = true;
            }
            pending.setConsumer(consumer);
            pending.setDeliveryTimeMillis(now);
            if (!justId) {
                pending.setDeliveryCount(pending.deliveryCount() + 1);
            }
            claimed.add(justId ? StreamReplies.id(id) : StreamReplies.entry(id, fields));
            count--;
            changed = true;
        }
        StreamId cursor = next < candidates.size() ? candidates.get(next).id() : StreamId.MIN;
        if (changed) {
            keyspace.markModified(key);
        }
        return Reply.array(StreamReplies.id(cursor), new Reply.Array(claimed), new Reply.Array(deleted));
    }

    private static StreamGroup groupOrFail(CommandContext ctx, StreamValue stream) {
        StreamGroup group = stream == null ? null : stream.group(StreamContext.bytes(ctx, 2));
        if (group == null) {
            throw new CommandException(
                    "NOGROUP No such key '" + StreamContext.bytes(ctx, 1).toUtf8() + "' or consumer group '"
                            + StreamContext.bytes(ctx, 2).toUtf8() + "'");
        }
        return group;
    }

    private static long integer(CommandContext ctx, int index, String message) {
        OptionalLong value = RedisNumbers.parseLong(ctx.arg(index));
        if (value.isEmpty()) {
            throw new CommandException("ERR " + message);
        }
        return value.getAsLong();
    }
}

package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.data.BlockedClients;
import io.slotwise.sim.data.CollectionRegistrar;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StreamGroup;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.keyspace.ValueType;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * XREAD and XREADGROUP {@code [GROUP group consumer] [COUNT n] [BLOCK ms] [NOACK] STREAMS key... id...} as Redis 7.0
 * answers them. Each stream that has something to give contributes {@code key -> entries} (a map in RESP3, an array of
 * pairs in RESP2); when none has, the client blocks with BLOCK (served by the next XADD that goes beyond the ID it
 * waits for; at most {@value #BLOCKED_DEFAULT_COUNT} entries without COUNT; a timeout or a transaction answers the null
 * array) or gets the null array. XREADGROUP with {@code >} delivers new entries to the group; with an ID it re-reads
 * the consumer's pending entries and never blocks. A client blocked in a group whose group is destroyed gets a NOGROUP
 * error, one whose stream is removed an UNBLOCKED error.
 */
final class StreamReadCommands {
    /** The COUNT a blocked reader is served with when it gave none. */
    static final long BLOCKED_DEFAULT_COUNT = 1000;

    private StreamReadCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.registerAsync("xread", ctx -> read(ctx, registrar.blocked(), false));
        registrar.registerAsync("xreadgroup", ctx -> read(ctx, registrar.blocked(), true));
    }

    /** One stream of the command: its key and the ID to read after ({@code null} for XREADGROUP's {@code >}). */
    private record Source(Key key, byte[] name, StreamId after) {}

    private static CompletionStage<Reply> read(CommandContext ctx, BlockedClients blocked, boolean grouped) {
        long timeout = -1;
        long count = 0;
        int streamsAt = 0;
        Bytes groupName = null;
        Bytes consumerName = null;
        boolean noAck = false;
        for (int i = 1; i < ctx.argc(); i++) {
            int more = ctx.argc() - i - 1;
            if (ctx.argIs(i, "block") && more > 0) {
                i++;
                timeout = timeoutMillis(ctx, i, StreamContext.keyspace(ctx).currentTimeMillis());
            } else if (ctx.argIs(i, "count") && more > 0) {
                i++;
                OptionalLong parsed = RedisNumbers.parseLong(ctx.arg(i));
                if (parsed.isEmpty()) {
                    throw new CommandException("ERR value is not an integer or out of range");
                }
                count = Math.max(0, parsed.getAsLong());
            } else if (ctx.argIs(i, "streams") && more > 0) {
                streamsAt = i + 1;
                if ((ctx.argc() - streamsAt) % 2 != 0) {
                    throw new CommandException("ERR Unbalanced XREAD list of streams: for each stream key an ID or"
                            + " '$' must be specified.");
                }
                break;
            } else if (ctx.argIs(i, "group") && more >= 2) {
                if (!grouped) {
                    throw new CommandException(
                            "ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
                }
                groupName = StreamContext.bytes(ctx, i + 1);
                consumerName = StreamContext.bytes(ctx, i + 2);
                i += 2;
            } else if (ctx.argIs(i, "noack")) {
                if (!grouped) {
                    throw new CommandException(
                            "ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
                }
                noAck = true;
            } else {
                throw new CommandException("ERR syntax error");
            }
        }
        if (streamsAt == 0) {
            throw new CommandException("ERR syntax error");
        }
        if (grouped && groupName == null) {
            throw new CommandException("ERR Missing GROUP option for XREADGROUP");
        }
        Keyspace keyspace = StreamContext.keyspace(ctx);
        int streams = (ctx.argc() - streamsAt) / 2;
        List<Source> sources = new ArrayList<>(streams);
        for (int s = 0; s < streams; s++) {
            byte[] name = ctx.arg(streamsAt + s);
            Key key = Key.of(name);
            byte[] idArg = ctx.arg(streamsAt + streams + s);
            StreamValue stream = keyspace.getStream(key);
            if (grouped && (stream == null || stream.group(groupName) == null)) {
                throw new CommandException(
                        "NOGROUP No such key '" + Bytes.of(name).toUtf8() + "' or consumer group '" + groupName.toUtf8()
                                + "' in XREADGROUP with GROUP option");
            }
            StreamId after;
            if (idArg.length == 1 && idArg[0] == '$') {
                if (grouped) {
                    throw new CommandException("ERR The $ ID is meaningless in the context of XREADGROUP: you want to"
                            + " read the history of this consumer by specifying a proper ID, or use the > ID to get"
                            + " new messages. The $ ID would just return an empty result set.");
                }
                after = stream == null ? StreamId.MIN : stream.lastId();
            } else if (idArg.length == 1 && idArg[0] == '>') {
                if (!grouped) {
                    throw new CommandException("ERR The > ID can be specified only when calling XREADGROUP using the"
                            + " GROUP <group> <consumer> option.");
                }
                after = null;
            } else {
                after = StreamIds.parseStrict(idArg, 0);
            }
            sources.add(new Source(key, name, after));
        }
        Reader reader = new Reader(keyspace, groupName, consumerName, noAck, StreamContext.resp3(ctx));
        List<Reply.Entry> served = new ArrayList<>();
        for (Source source : sources) {
            Reply entries = reader.serveNow(source, count);
            if (entries != null) {
                served.add(StreamReplies.keyEntries(source.name, entries));
            }
        }
        if (!served.isEmpty()) {
            return CompletableFuture.completedFuture(reader.reply(served));
        }
        if (timeout == -1 || ctx.inTransaction()) {
            return CompletableFuture.completedFuture(Reply.nullArray());
        }
        long blockedCount = count != 0 ? count : BLOCKED_DEFAULT_COUNT;
        List<Key> keys = new ArrayList<>(sources.size());
        sources.forEach(source -> keys.add(source.key));
        return blocked.block(ctx.session(), keys, timeout, new BlockedRead(reader, sources, blockedCount));
    }

    private static long timeoutMillis(CommandContext ctx, int index, long nowMillis) {
        OptionalLong parsed = RedisNumbers.parseLong(ctx.arg(index));
        if (parsed.isEmpty()) {
            throw new CommandException("ERR timeout is not an integer or out of range");
        }
        long millis = parsed.getAsLong();
        if (millis < 0) {
            throw new CommandException("ERR timeout is negative");
        }
        if (millis > 0 && millis > Long.MAX_VALUE - nowMillis) {
            throw new CommandException("ERR timeout is out of range");
        }
        return millis;
    }

    /** Reads streams for one client, now or when a key it blocks on is written. */
    private static final class Reader {
        final Keyspace keyspace;
        final Bytes group;
        final Bytes consumer;
        final boolean noAck;
        final boolean resp3;

        Reader(Keyspace keyspace, Bytes group, Bytes consumer, boolean noAck, boolean resp3) {
            this.keyspace = keyspace;
            this.group = group;
            this.consumer = consumer;
            this.noAck = noAck;
            this.resp3 = resp3;
        }

        /** Serves a source synchronously: its entries, or null if it has nothing to give now. */
        Reply serveNow(Source source, long count) {
            StreamValue stream = keyspace.getStream(source.key);
            if (stream == null) {
                return null;
            }
            if (group == null) {
                return stream.size() > 0 && stream.entries().lastKey().compareTo(source.after) > 0
                        ? StreamReplies.entries(
                                StreamRangeCommands.slice(stream, source.after.next(), StreamId.MAX, false, count))
                        : null;
            }
            StreamGroup streamGroup = stream.group(group);
            long now = keyspace.currentTimeMillis();
            if (source.after != null) {
                GroupDelivery.seen(streamGroup, consumer, now);
                Reply history = GroupDelivery.history(stream, streamGroup, consumer, source.after, count, now);
                keyspace.markModified(source.key);
                return history;
            }
            if (stream.size() == 0 || stream.entries().lastKey().compareTo(streamGroup.lastDelivered()) <= 0) {
                return null;
            }
            return deliver(source.key, stream, streamGroup, count, now);
        }

        Reply deliver(Key key, StreamValue stream, StreamGroup streamGroup, long count, long now) {
            GroupDelivery.seen(streamGroup, consumer, now);
            Reply entries = GroupDelivery.deliverNew(stream, streamGroup, consumer, count, noAck, now);
            keyspace.markModified(key);
            return entries;
        }

        Reply reply(List<Reply.Entry> served) {
            if (resp3) {
                return new Reply.Map(served);
            }
            List<Reply> pairs = new ArrayList<>(served.size());
            served.forEach(entry -> pairs.add(Reply.array(entry.key(), entry.value())));
            return new Reply.Array(pairs);
        }
    }

    /** A blocked XREAD or XREADGROUP: served from the first of its streams that moves beyond what it waits for. */
    private static final class BlockedRead implements BlockedClients.Service {
        private final Reader reader;
        private final List<Source> sources;
        private final long count;

        BlockedRead(Reader reader, List<Source> sources, long count) {
            this.reader = reader;
            this.sources = sources;
            this.count = count;
        }

        @Override
        public Reply serve(Key key) {
            StreamValue stream = reader.keyspace.type(key) == ValueType.STREAM ? reader.keyspace.getStream(key) : null;
            if (stream == null) {
                return reader.group == null ? null : Reply.error("UNBLOCKED the stream key no longer exists");
            }
            Source source = sources.stream()
                    .filter(candidate -> candidate.key.equals(key))
                    .findFirst()
                    .orElseThrow();
            StreamId after = source.after;
            StreamGroup group = null;
            if (reader.group != null) {
                group = stream.group(reader.group);
                if (group == null) {
                    return Reply.error("NOGROUP the consumer group this client was blocked on no longer exists");
                }
                after = group.lastDelivered();
            }
            if (stream.lastId().compareTo(after) <= 0) {
                return null;
            }
            Reply entries = group == null
                    ? StreamReplies.entries(StreamRangeCommands.slice(stream, after.next(), StreamId.MAX, false, count))
                    : reader.deliver(key, stream, group, count, reader.keyspace.currentTimeMillis());
            return reader.reply(List.of(StreamReplies.keyEntries(source.name, entries)));
        }

        @Override
        public boolean unservedWaiterStopsTheQueue() {
            return false;
        }
    }
}

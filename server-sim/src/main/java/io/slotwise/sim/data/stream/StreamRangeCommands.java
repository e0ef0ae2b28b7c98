package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.data.CollectionRegistrar;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;

/**
 * XLEN, XRANGE, XREVRANGE, XDEL and XTRIM with Redis 7.0's replies: a missing key reads as an empty stream (XDEL
 * answers 0 before looking at its IDs; XTRIM parses its trimming arguments first); XRANGE's {@code (} makes a bound exclusive and {@code COUNT
 * 0} (or negative) answers the null array.
 */
final class StreamRangeCommands {
    private StreamRangeCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("xadd", XAddCommand::xadd);
        registrar.register("xlen", ctx -> {
            StreamValue stream = StreamContext.keyspace(ctx).getStream(StreamContext.key(ctx, 1));
            return Reply.integer(stream == null ? 0 : stream.size());
        });
        registrar.register("xrange", ctx -> range(ctx, false));
        registrar.register("xrevrange", ctx -> range(ctx, true));
        registrar.register("xdel", StreamRangeCommands::xdel);
        registrar.register("xtrim", StreamRangeCommands::xtrim);
    }

    private static Reply range(CommandContext ctx, boolean reverse) {
        StreamId start = StreamIds.parseInterval(ctx.arg(reverse ? 3 : 2), true);
        StreamId end = StreamIds.parseInterval(ctx.arg(reverse ? 2 : 3), false);
        long count = -1;
        for (int j = 4; j < ctx.argc(); j++) {
            if (ctx.argIs(j, "count") && j + 1 < ctx.argc()) {
                OptionalLong parsed = RedisNumbers.parseLong(ctx.arg(j + 1));
                if (parsed.isEmpty()) {
                    throw new CommandException("ERR value is not an integer or out of range");
                }
                count = Math.max(0, parsed.getAsLong());
                j++;
            } else {
                throw new CommandException("ERR syntax error");
            }
        }
        StreamValue stream = StreamContext.keyspace(ctx).getStream(StreamContext.key(ctx, 1));
        if (stream == null) {
            return new Reply.Array(List.of());
        }
        if (count == 0) {
            return Reply.nullArray();
        }
        return StreamReplies.entries(slice(stream, start, end, reverse, count));
    }

    /**
     * Returns the entries between two inclusive bounds, in ID order or reversed, at most {@code count} of them
     * ({@code count <= 0} for all).
     */
    static List<Map.Entry<StreamId, List<Bytes>>> slice(
            StreamValue stream, StreamId start, StreamId end, boolean reverse, long count) {
        List<Map.Entry<StreamId, List<Bytes>>> result = new ArrayList<>();
        if (start.compareTo(end) > 0) {
            return result;
        }
        NavigableMap<StreamId, List<Bytes>> range = stream.entries().subMap(start, true, end, true);
        for (Map.Entry<StreamId, List<Bytes>> entry : (reverse ? range.descendingMap() : range).entrySet()) {
            if (count > 0 && result.size() >= count) {
                break;
            }
            result.add(entry);
        }
        return result;
    }

    private static Reply xdel(CommandContext ctx) {
        Keyspace keyspace = StreamContext.keyspace(ctx);
        Key key = StreamContext.key(ctx, 1);
        StreamValue stream = keyspace.getStream(key);
        if (stream == null) {
            return Reply.integer(0);
        }
        List<StreamId> ids = new ArrayList<>(ctx.argc() - 2);
        for (int i = 2; i < ctx.argc(); i++) {
            ids.add(StreamIds.parseStrict(ctx.arg(i), 0));
        }
        int deleted = 0;
        for (StreamId id : ids) {
            if (stream.delete(id)) {
                deleted++;
            }
        }
        if (deleted > 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(deleted);
    }

    private static Reply xtrim(CommandContext ctx) {
        Keyspace keyspace = StreamContext.keyspace(ctx);
        Key key = StreamContext.key(ctx, 1);
        // Redis parses the trimming arguments before it looks the key up: a syntax error wins over WRONGTYPE.
        TrimArguments trim = TrimArguments.parse(ctx, false);
        StreamValue stream = keyspace.getStream(key);
        if (stream == null) {
            return Reply.integer(0);
        }
        long removed = trim.trim(stream);
        if (removed > 0) {
            keyspace.markModified(key);
        }
        return Reply.integer(removed);
    }
}

package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StreamId;
import io.slotwise.sim.keyspace.StreamValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * XADD {@code key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]}, as
 * Redis 7.0 answers it: options are checked before the key is looked up; {@code *} takes the keyspace clock's
 * milliseconds (or the last ID's successor when the clock is behind), {@code <ms>-*} the next sequence in that
 * millisecond; the reply is the new ID, or the null bulk for NOMKSTREAM on a missing key. Trimming happens after the
 * entry is added. Replicas receive the resulting stream state, so a generated ID reaches them as it was chosen.
 */
final class XAddCommand {
    private static final String NOT_ABOVE_TOP =
            "ERR The ID specified in XADD is equal or smaller than the target stream top item";

    private XAddCommand() {}

    static Reply xadd(CommandContext ctx) {
        TrimArguments options = TrimArguments.parse(ctx, true);
        int idIndex = options.idIndex();
        int fieldsFrom = idIndex + 1;
        int fieldArgs = ctx.argc() - fieldsFrom;
        if (fieldArgs < 2 || fieldArgs % 2 == 1) {
            throw new CommandException("ERR wrong number of arguments for 'xadd' command");
        }
        byte[] idArg = ctx.arg(idIndex);
        StreamIds.AddId given = idArg.length == 1 && idArg[0] == '*' ? null : StreamIds.parseForAdd(idArg);
        if (given != null && given.seqGiven() && given.id().isZero()) {
            throw new CommandException("ERR The ID specified in XADD must be greater than 0-0");
        }
        Keyspace keyspace = StreamContext.keyspace(ctx);
        Key key = StreamContext.key(ctx, 1);
        StreamValue stream = keyspace.getStream(key);
        if (stream == null && options.noMakeStream()) {
            return Reply.nullBulk();
        }
        StreamId last = stream == null ? StreamId.MIN : stream.lastId();
        if (last.equals(StreamId.MAX)) {
            throw new CommandException("ERR The stream has exhausted the last possible ID, unable to add more items");
        }
        StreamId id = nextId(last, given, keyspace.currentTimeMillis());
        List<Bytes> fields = new ArrayList<>(fieldArgs);
        for (int i = fieldsFrom; i < ctx.argc(); i++) {
            fields.add(StreamContext.bytes(ctx, i));
        }
        if (stream == null) {
            stream = keyspace.getOrCreateStream(key);
        }
        stream.append(id, fields);
        options.trim(stream);
        keyspace.markModified(key);
        return StreamReplies.id(id);
    }

    private static StreamId nextId(StreamId last, StreamIds.AddId given, long nowMillis) {
        if (given == null) {
            return Long.compareUnsigned(nowMillis, last.ms()) > 0 ? new StreamId(nowMillis, 0) : last.next();
        }
        StreamId id = given.id();
        if (!given.seqGiven()) {
            int byMs = Long.compareUnsigned(id.ms(), last.ms());
            if (byMs < 0 || (byMs == 0 && last.seq() == -1L)) {
                throw new CommandException(NOT_ABOVE_TOP);
            }
            id = byMs == 0 ? new StreamId(id.ms(), last.seq() + 1) : id;
        }
        if (id.compareTo(last) <= 0) {
            throw new CommandException(NOT_ABOVE_TOP);
        }
        return id;
    }
}

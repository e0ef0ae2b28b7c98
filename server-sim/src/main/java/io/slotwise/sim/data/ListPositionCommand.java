package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.ListValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * LPOS {@code key element [RANK rank] [COUNT num-matches] [MAXLEN len]}, as Redis 7.0 answers it: the index of the
 * rank-th match (a negative rank searches from the tail), or with COUNT an array of up to that many indexes (0 for
 * all); MAXLEN bounds how many elements are compared. Options are checked before the key. Without COUNT a miss is the
 * null bulk, with COUNT an empty array.
 */
final class ListPositionCommand {
    private static final String RANK_ZERO = "RANK can't be zero: use 1 to start from the first match, 2 from the second"
            + " ... or use negative to start from the end of the list";

    private ListPositionCommand() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("lpos", ListPositionCommand::lpos);
    }

    private static Reply lpos(CommandContext ctx) {
        long rank = 1;
        long count = -1; // not given
        long maxlen = 0;
        for (int i = 3; i < ctx.argc(); i++) {
            boolean hasValue = i + 1 < ctx.argc();
            if (ctx.argIs(i, "rank") && hasValue) {
                rank = CollectionArguments.rangeLong(ctx, ++i, -Long.MAX_VALUE, Long.MAX_VALUE, null);
                if (rank == 0) {
                    throw new CommandException("ERR " + RANK_ZERO);
                }
            } else if (ctx.argIs(i, "count") && hasValue) {
                count = CollectionArguments.positiveLong(ctx, ++i, "COUNT can't be negative");
            } else if (ctx.argIs(i, "maxlen") && hasValue) {
                maxlen = CollectionArguments.positiveLong(ctx, ++i, "MAXLEN can't be negative");
            } else {
                throw CommandException.syntaxError();
            }
        }
        ListValue list = DataContext.keyspace(ctx).getList(CollectionArguments.key(ctx, 1));
        if (list == null) {
            return count == -1 ? CollectionReplies.NULL_BULK : CollectionReplies.EMPTY_ARRAY;
        }
        List<Reply> matches = find(list, CollectionArguments.bytes(ctx, 2), rank, count == -1 ? 1 : count, maxlen);
        if (count != -1) {
            return new Reply.Array(matches);
        }
        return matches.isEmpty() ? CollectionReplies.NULL_BULK : matches.get(0);
    }

    /** Returns the indexes of matches from the {@code |rank|}-th on, at most {@code wanted} of them (0 for all). */
    private static List<Reply> find(ListValue list, Bytes element, long rank, long wanted, long maxlen) {
        boolean fromTail = rank < 0;
        long skip = Math.abs(rank) - 1;
        int size = list.size();
        long compared = maxlen == 0 ? size : Math.min(maxlen, size);
        List<Reply> indexes = new ArrayList<>();
        for (int step = 0; step < compared; step++) {
            int index = fromTail ? size - 1 - step : step;
            if (list.get(index).equals(element)) {
                if (skip > 0) {
                    skip--;
                } else {
                    indexes.add(Reply.integer(index));
                    if (wanted != 0 && indexes.size() >= wanted) {
                        break;
                    }
                }
            }
        }
        return indexes;
    }
}

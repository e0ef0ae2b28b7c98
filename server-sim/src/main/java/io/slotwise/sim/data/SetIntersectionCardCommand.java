package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SINTERCARD {@code numkeys key [key ...] [LIMIT limit]}, as Redis 7.0 answers it: the size of the intersection,
 * counting stops at a non-zero limit. Checks in Redis's order: numkeys ({@code ERR numkeys should be greater than 0},
 * {@code ERR Number of keys can't be greater than number of args}), the options (LIMIT may repeat, the last one wins;
 * {@code ERR LIMIT can't be negative}; anything else {@code ERR syntax error}), then the type of every key before
 * anything is counted; a missing key makes the intersection empty. Stateless.
 */
final class SetIntersectionCardCommand {
    private SetIntersectionCardCommand() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("sintercard", SetIntersectionCardCommand::sintercard);
    }

    private static Reply sintercard(CommandContext ctx) {
        long numKeys = CollectionArguments.rangeLong(ctx, 1, 1, Long.MAX_VALUE, "numkeys should be greater than 0");
        if (numKeys > ctx.argc() - 2) {
            throw new CommandException("ERR Number of keys can't be greater than number of args");
        }
        int end = 2 + (int) numKeys;
        long limit = 0;
        for (int i = end; i < ctx.argc(); i++) {
            if (ctx.argIs(i, "limit") && i + 1 < ctx.argc()) {
                limit = CollectionArguments.positiveLong(ctx, ++i, "LIMIT can't be negative");
            } else {
                throw CommandException.syntaxError();
            }
        }
        Keyspace keyspace = DataContext.keyspace(ctx);
        List<SetValue> sets = new ArrayList<>(end - 2);
        for (Key key : CollectionArguments.keys(ctx, 2, end)) {
            sets.add(keyspace.getSet(key)); // WRONGTYPE before anything is counted
        }
        if (sets.contains(null)) {
            return Reply.integer(0);
        }
        sets.sort(Comparator.comparingInt(SetValue::size));
        long count = 0;
        for (Bytes member : sets.get(0).members()) {
            if (sets.stream().allMatch(set -> set.contains(member))) {
                count++;
                if (count == limit) {
                    break;
                }
            }
        }
        return Reply.integer(count);
    }
}

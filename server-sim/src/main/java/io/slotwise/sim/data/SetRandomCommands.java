package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * SPOP and SRANDMEMBER, with Redis 7.0's replies. Without a count: a bulk string, or the null bulk for a missing key.
 * SPOP with a count (0 or more; a malformed or negative one is {@code ERR value is out of range, must be positive})
 * answers a set ({@code ~} in RESP3), empty for a missing key, and deletes a set it empties. SRANDMEMBER with a count
 * answers an array: distinct members for a positive count, possibly repeated ones (exactly |count|) for a negative
 * count. More than 3 arguments is {@code ERR syntax error}.
 */
final class SetRandomCommands {
    /** The most members a negative SRANDMEMBER count may ask for; Redis has no limit but would exhaust its memory. */
    static final long MAX_REPEATED_MEMBERS = 1 << 24;

    private SetRandomCommands() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("spop", SetRandomCommands::spop);
        registrar.register("srandmember", SetRandomCommands::srandmember);
    }

    private static Reply spop(CommandContext ctx) {
        if (ctx.argc() > 3) {
            throw CommandException.syntaxError();
        }
        boolean hasCount = ctx.argc() == 3;
        long count = hasCount ? CollectionArguments.positiveLong(ctx, 2, null) : 1;
        Key key = CollectionArguments.key(ctx, 1);
        Keyspace keyspace = DataContext.keyspace(ctx);
        if (keyspace.getSet(key) == null) {
            return hasCount ? CollectionReplies.EMPTY_SET : CollectionReplies.NULL_BULK;
        }
        if (count == 0) {
            return CollectionReplies.EMPTY_SET;
        }
        SetValue set = keyspace.getOrCreateSet(key);
        List<Bytes> popped = new ArrayList<>();
        RandomGenerator random = ThreadLocalRandom.current();
        while (popped.size() < count && !set.isEmpty()) {
            Bytes member = set.randomMember(random);
            set.remove(member);
            popped.add(member);
        }
        keyspace.markModified(key);
        return hasCount ? CollectionReplies.set(popped) : CollectionReplies.bulk(popped.get(0));
    }

    private static Reply srandmember(CommandContext ctx) {
        if (ctx.argc() > 3) {
            throw CommandException.syntaxError();
        }
        if (ctx.argc() == 2) {
            SetValue set = DataContext.keyspace(ctx).getSet(CollectionArguments.key(ctx, 1));
            return set == null
                    ? CollectionReplies.NULL_BULK
                    : CollectionReplies.bulk(set.randomMember(ThreadLocalRandom.current()));
        }
        long count = CollectionArguments.rangeLong(ctx, 2, -Long.MAX_VALUE, Long.MAX_VALUE, null);
        SetValue set = DataContext.keyspace(ctx).getSet(CollectionArguments.key(ctx, 1));
        if (set == null || count == 0) {
            return CollectionReplies.EMPTY_ARRAY;
        }
        RandomGenerator random = ThreadLocalRandom.current();
        if (count < 0) {
            if (-count > MAX_REPEATED_MEMBERS) {
                throw new CommandException("ERR value is out of range: the Slotwise simulator returns at most "
                        + MAX_REPEATED_MEMBERS + " members");
            }
            List<Bytes> sample = new ArrayList<>((int) -count);
            for (long i = 0; i < -count; i++) {
                sample.add(set.randomMember(random));
            }
            return CollectionReplies.array(sample);
        }
        List<Bytes> members = CompactEncoding.iterationOrder(set);
        if (count >= members.size()) {
            return CollectionReplies.array(members);
        }
        for (int i = 0; i < count; i++) { // partial Fisher-Yates: the first count positions get a uniform sample
            Collections.swap(members, i, i + random.nextInt(members.size() - i));
        }
        return CollectionReplies.array(members.subList(0, (int) count));
    }
}

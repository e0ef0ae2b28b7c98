package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.HashValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * HRANDFIELD {@code key [count [WITHVALUES]]}, as Redis 7.0 answers it. Without a count: one random field, or the null
 * bulk for a missing key. With a count (from -(2^63-1) to 2^63-1, parsed before the key is looked up): an empty array
 * for a missing key or a count of 0; for a positive count distinct fields (the whole hash in iteration order when the
 * count covers it), for a negative count exactly |count| fields that may repeat. WITHVALUES pairs each field with its
 * value, flat in RESP2 and as two-element arrays in RESP3, and limits the count to ±(2^62-1) ({@code ERR value is out
 * of range}). Anything else after the count is {@code ERR syntax error}. Stateless.
 */
final class HashRandomFieldCommand {
    /** The most fields a negative count may ask for; Redis has no limit but would exhaust its memory. */
    static final long MAX_REPEATED_FIELDS = 1 << 24;

    private HashRandomFieldCommand() {}

    static void register(CollectionRegistrar registrar) {
        registrar.register("hrandfield", HashRandomFieldCommand::hrandfield);
    }

    private static Reply hrandfield(CommandContext ctx) {
        if (ctx.argc() == 2) {
            HashValue hash = DataContext.keyspace(ctx).getHash(CollectionArguments.key(ctx, 1));
            return hash == null
                    ? CollectionReplies.NULL_BULK
                    : CollectionReplies.bulk(hash.randomField(ThreadLocalRandom.current()));
        }
        long count = CollectionArguments.rangeLong(ctx, 2, -Long.MAX_VALUE, Long.MAX_VALUE, null);
        if (ctx.argc() > 4 || (ctx.argc() == 4 && !ctx.argIs(3, "withvalues"))) {
            throw CommandException.syntaxError();
        }
        boolean withValues = ctx.argc() == 4;
        if (withValues && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2)) {
            throw new CommandException("ERR value is out of range");
        }
        HashValue hash = DataContext.keyspace(ctx).getHash(CollectionArguments.key(ctx, 1));
        if (hash == null || count == 0) {
            return CollectionReplies.EMPTY_ARRAY;
        }
        List<Bytes> fields = count < 0 ? repeatedSample(hash, -count) : distinctSample(hash, count);
        List<Reply> items = new ArrayList<>(withValues ? fields.size() * 2 : fields.size());
        boolean pairs = ctx.session().protocol().number() >= 3;
        for (Bytes field : fields) {
            if (!withValues) {
                items.add(CollectionReplies.bulk(field));
            } else if (pairs) {
                items.add(Reply.array(CollectionReplies.bulk(field), CollectionReplies.bulk(hash.get(field))));
            } else {
                items.add(CollectionReplies.bulk(field));
                items.add(CollectionReplies.bulk(hash.get(field)));
            }
        }
        return new Reply.Array(items);
    }

    private static List<Bytes> repeatedSample(HashValue hash, long count) {
        if (count > MAX_REPEATED_FIELDS) {
            throw new CommandException("ERR value is out of range: the Slotwise simulator returns at most "
                    + MAX_REPEATED_FIELDS + " fields");
        }
        RandomGenerator random = ThreadLocalRandom.current();
        List<Bytes> sample = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            sample.add(hash.randomField(random));
        }
        return sample;
    }

    /** Distinct fields; a sample of a listpack keeps the hash's order, as Redis's listpack sampling does. */
    private static List<Bytes> distinctSample(HashValue hash, long count) {
        List<Map.Entry<Bytes, Bytes>> ordered = CompactEncoding.iterationOrder(hash);
        List<Bytes> fields = new ArrayList<>(ordered.size());
        ordered.forEach(entry -> fields.add(entry.getKey()));
        if (count >= fields.size()) {
            return fields;
        }
        RandomGenerator random = ThreadLocalRandom.current();
        List<Integer> positions = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            positions.add(i);
        }
        for (int i = 0; i < count; i++) { // partial Fisher-Yates: the first count positions are a uniform sample
            Collections.swap(positions, i, i + random.nextInt(positions.size() - i));
        }
        List<Integer> chosen = new ArrayList<>(positions.subList(0, (int) count));
        if (CompactEncoding.isListpack(hash)) {
            Collections.sort(chosen);
        }
        List<Bytes> sample = new ArrayList<>(chosen.size());
        chosen.forEach(position -> sample.add(fields.get(position)));
        return sample;
    }
}

package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.keyspace.WrongTypeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parsed arguments of ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD ({@code numkeys key [key ...]
 * [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES] [LIMIT limit]}), read in Redis 7.0's order: numkeys
 * ({@code ERR value is not an integer or out of range}, then {@code ERR at least 1 input key is needed for '<command>'
 * command}), a numkeys beyond the arguments ({@code ERR syntax error}), the type of every input key (WRONGTYPE for
 * anything but a sorted set or a set), then the options. WEIGHTS and AGGREGATE are not options of ZDIFF and ZINTERCARD,
 * WITHSCORES is not one of the STORE forms and ZINTERCARD, LIMIT is only ZINTERCARD's; an option where it is not
 * accepted, an unknown AGGREGATE or missing arguments are {@code ERR syntax error}. Options may repeat (the last
 * wins).
 *
 * @param inputs the input values in the command's order, null for a missing key
 * @param weights one weight per input (1 unless WEIGHTS says otherwise)
 * @param aggregate how the scores of a member found in several inputs combine
 * @param withScores whether the reply lists scores too
 * @param limit ZINTERCARD's LIMIT, 0 for none
 */
record SortedSetOperation(List<Value> inputs, double[] weights, Aggregate aggregate, boolean withScores, long limit) {

    /** How the weighted scores of one member combine. */
    enum Aggregate {
        /** The sum; {@code inf + -inf} gives 0, as in Redis. */
        SUM,
        /** The lowest. */
        MIN,
        /** The highest. */
        MAX;

        /** Combines an accumulated score with the next weighted score. */
        double combine(double accumulated, double next) {
            return switch (this) {
                case SUM -> {
                    double sum = accumulated + next;
                    yield Double.isNaN(sum) ? 0.0 : sum;
                }
                case MIN -> next < accumulated ? next : accumulated;
                case MAX -> next > accumulated ? next : accumulated;
            };
        }
    }

    /** Which command's options are accepted. */
    enum Form {
        /** ZUNION and ZINTER: WEIGHTS, AGGREGATE, WITHSCORES. */
        COMBINE,
        /** ZUNIONSTORE and ZINTERSTORE: WEIGHTS, AGGREGATE. */
        COMBINE_STORE,
        /** ZDIFF: WITHSCORES. */
        DIFF,
        /** ZDIFFSTORE: none. */
        DIFF_STORE,
        /** ZINTERCARD: LIMIT. */
        CARDINALITY
    }

    /**
     * Parses the arguments from {@code numkeysIndex} on and reads the input keys.
     *
     * @throws CommandException with Redis's error for the first problem found
     */
    static SortedSetOperation parse(CommandContext ctx, int numkeysIndex, Form form) {
        long numkeys = ctx.longArg(numkeysIndex);
        if (numkeys < 1) {
            throw new CommandException(
                    "ERR at least 1 input key is needed for '" + ctx.spec().name() + "' command");
        }
        if (numkeys > ctx.argc() - (numkeysIndex + 1)) {
            throw CommandException.syntaxError();
        }
        int count = (int) numkeys;
        Keyspace keyspace = DataContext.keyspace(ctx);
        List<Value> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Value value = keyspace.get(Key.of(ctx.arg(numkeysIndex + 1 + i)));
            if (value != null && !(value instanceof SortedSetValue) && !(value instanceof SetValue)) {
                throw new CommandException(WrongTypeException.MESSAGE);
            }
            inputs.add(value);
        }
        double[] weights = new double[count];
        Arrays.fill(weights, 1.0);
        Aggregate aggregate = Aggregate.SUM;
        boolean withScores = false;
        long limit = 0;
        boolean combine = form == Form.COMBINE || form == Form.COMBINE_STORE;
        boolean scores = form == Form.COMBINE || form == Form.DIFF;
        int j = numkeysIndex + 1 + count;
        while (j < ctx.argc()) {
            int remaining = ctx.argc() - j;
            if (combine && remaining >= count + 1 && ctx.argIs(j, "weights")) {
                for (int i = 0; i < count; i++) {
                    weights[i] = FloatSyntax.parseDouble(ctx.arg(j + 1 + i))
                            .orElseThrow(() -> new CommandException("ERR weight value is not a float"));
                }
                j += count + 1;
            } else if (combine && remaining >= 2 && ctx.argIs(j, "aggregate")) {
                aggregate = aggregate(ctx, j + 1);
                j += 2;
            } else if (scores && ctx.argIs(j, "withscores")) {
                withScores = true;
                j++;
            } else if (form == Form.CARDINALITY && remaining >= 2 && ctx.argIs(j, "limit")) {
                limit = CollectionArguments.positiveLong(ctx, j + 1, "LIMIT can't be negative");
                j += 2;
            } else {
                throw CommandException.syntaxError();
            }
        }
        return new SortedSetOperation(inputs, weights, aggregate, withScores, limit);
    }

    private static Aggregate aggregate(CommandContext ctx, int index) {
        for (Aggregate aggregate : Aggregate.values()) {
            if (ctx.argIs(index, aggregate.name())) {
                return aggregate;
            }
        }
        throw CommandException.syntaxError();
    }
}

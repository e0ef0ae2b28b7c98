package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SetValue;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.Value;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ZUNION, ZINTER, ZDIFF, ZUNIONSTORE, ZINTERSTORE, ZDIFFSTORE and ZINTERCARD, as Redis 7.0 computes them (arguments:
 * {@link SortedSetOperation}). A missing key reads as empty and a set as a sorted set whose scores are all 1. Each
 * input's scores are multiplied by its weight (a product that is NaN, {@code 0 × inf}, counts as 0) and combined with
 * the aggregate, the inputs taken from the smallest to the largest as Redis does (which decides the rounding of sums
 * over three inputs or more). ZDIFF keeps the first input's scores. The plain forms answer the result in score order,
 * with {@code -0} kept in double replies; the STORE forms replace the destination whatever its type (dropping its TTL),
 * delete it when the result is empty, and answer the result's size; ZINTERCARD answers the size of the intersection,
 * counting no further than a non-zero LIMIT.
 */
final class SortedSetAlgebraCommands {
    private SortedSetAlgebraCommands() {}

    private enum Operation {
        UNION,
        INTERSECTION,
        DIFFERENCE
    }

    static void register(CollectionRegistrar registrar) {
        registrar.register("zunion", ctx -> reply(ctx, Operation.UNION));
        registrar.register("zinter", ctx -> reply(ctx, Operation.INTERSECTION));
        registrar.register("zdiff", ctx -> reply(ctx, Operation.DIFFERENCE));
        registrar.register("zunionstore", ctx -> store(ctx, Operation.UNION));
        registrar.register("zinterstore", ctx -> store(ctx, Operation.INTERSECTION));
        registrar.register("zdiffstore", ctx -> store(ctx, Operation.DIFFERENCE));
        registrar.register("zintercard", ctx -> {
            SortedSetOperation request = SortedSetOperation.parse(ctx, 1, SortedSetOperation.Form.CARDINALITY);
            return Reply.integer(
                    evaluate(request, Operation.INTERSECTION, request.limit()).size());
        });
    }

    private static Reply reply(CommandContext ctx, Operation operation) {
        SortedSetOperation request = SortedSetOperation.parse(
                ctx,
                1,
                operation == Operation.DIFFERENCE ? SortedSetOperation.Form.DIFF : SortedSetOperation.Form.COMBINE);
        List<ZEntry> result = evaluate(request, operation, 0);
        return request.withScores()
                ? SortedSetReplies.withScores(result, SortedSetReplies.resp3(ctx))
                : SortedSetReplies.members(result);
    }

    private static Reply store(CommandContext ctx, Operation operation) {
        SortedSetOperation request = SortedSetOperation.parse(
                ctx,
                2,
                operation == Operation.DIFFERENCE
                        ? SortedSetOperation.Form.DIFF_STORE
                        : SortedSetOperation.Form.COMBINE_STORE);
        List<ZEntry> result = evaluate(request, operation, 0);
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key destination = CollectionArguments.key(ctx, 1);
        if (result.isEmpty()) {
            keyspace.delete(destination);
            return Reply.integer(0);
        }
        SortedSetValue stored = new SortedSetValue();
        result.forEach(entry -> stored.add(entry.member(), entry.score()));
        keyspace.set(destination, stored);
        return Reply.integer(stored.size());
    }

    /**
     * Computes the result in score order (then member order).
     *
     * @param limit for an intersection, stop after this many members; 0 for no limit
     */
    private static List<ZEntry> evaluate(SortedSetOperation request, Operation operation, long limit) {
        List<Input> inputs = new ArrayList<>(request.inputs().size());
        for (int i = 0; i < request.inputs().size(); i++) {
            inputs.add(new Input(request.inputs().get(i), request.weights()[i]));
        }
        List<ZEntry> result = new ArrayList<>();
        switch (operation) {
            case UNION -> {
                inputs.sort(Comparator.comparingInt(Input::size)); // stable, like the glibc qsort Redis calls
                Map<Bytes, Double> scores = new HashMap<>();
                for (Input input : inputs) {
                    for (ZEntry entry : input.entries()) {
                        double score = input.weighted(entry.score());
                        scores.merge(entry.member(), score, request.aggregate()::combine);
                    }
                }
                scores.forEach((member, score) -> result.add(new ZEntry(member, score)));
            }
            case INTERSECTION -> {
                inputs.sort(Comparator.comparingInt(Input::size));
                for (ZEntry entry : inputs.get(0).entries()) {
                    Double score = intersect(inputs, entry, request.aggregate());
                    if (score != null) {
                        result.add(new ZEntry(entry.member(), score));
                        if (limit > 0 && result.size() >= limit) {
                            break;
                        }
                    }
                }
            }
            case DIFFERENCE -> {
                for (ZEntry entry : inputs.get(0).entries()) {
                    if (inputs.stream().skip(1).noneMatch(input -> input.score(entry.member()) != null)) {
                        result.add(entry);
                    }
                }
            }
        }
        result.sort(ZEntry.ORDER);
        return result;
    }

    /** Returns the aggregated score of a member of the first input, or null if another input lacks it. */
    private static Double intersect(List<Input> inputs, ZEntry entry, SortedSetOperation.Aggregate aggregate) {
        double score = inputs.get(0).weighted(entry.score());
        for (Input input : inputs.subList(1, inputs.size())) {
            Double other = input.score(entry.member());
            if (other == null) {
                return null;
            }
            score = aggregate.combine(score, other * input.weight);
        }
        return score;
    }

    /** One input: a sorted set, a set (every score 1) or nothing, with its weight. */
    private record Input(Value value, double weight) {
        int size() {
            if (value instanceof SortedSetValue zset) {
                return zset.size();
            }
            return value instanceof SetValue set ? set.size() : 0;
        }

        List<ZEntry> entries() {
            if (value instanceof SortedSetValue zset) {
                return zset.entries();
            }
            if (value instanceof SetValue set) {
                List<ZEntry> entries = new ArrayList<>(set.size());
                set.members().forEach(member -> entries.add(new ZEntry(member, 1.0)));
                return entries;
            }
            return List.of();
        }

        Double score(Bytes member) {
            if (value instanceof SortedSetValue zset) {
                return zset.score(member);
            }
            return value instanceof SetValue set && set.contains(member) ? 1.0 : null;
        }

        /** Returns the weighted score, 0 where the product is NaN. */
        double weighted(double score) {
            double product = weight * score;
            return Double.isNaN(product) ? 0.0 : product;
        }
    }
}

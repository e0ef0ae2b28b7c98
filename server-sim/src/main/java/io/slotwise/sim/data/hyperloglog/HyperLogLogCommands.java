package io.slotwise.sim.data.hyperloglog;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.protocol.Reply;

/**
 * PFADD, PFCOUNT and PFMERGE with Redis 7.0's replies and byte-identical values; PFDEBUG and PFSELFTEST live in
 * {@link PfDebugCommand} and {@link PfSelfTestCommand}. A missing key reads as an empty HLL. Handlers run on the
 * node's event loop.
 */
public final class HyperLogLogCommands {
    private HyperLogLogCommands() {}

    /**
     * Registers PFADD, PFCOUNT, PFMERGE, PFDEBUG and PFSELFTEST.
     *
     * @param registry the node's command registry; the node must have a keyspace service
     */
    public static void register(CommandRegistry registry) {
        registry.register("pfadd", HyperLogLogCommands::pfadd);
        registry.register("pfcount", HyperLogLogCommands::pfcount);
        registry.register("pfmerge", HyperLogLogCommands::pfmerge);
        registry.register("pfdebug", PfDebugCommand::pfdebug);
        registry.register("pfselftest", PfSelfTestCommand::pfselftest);
    }

    /** PFADD: 1 if the key was created or any register changed (the cache is then stale), else 0. */
    private static Reply pfadd(CommandContext ctx) {
        Keyspace keyspace = HllValues.keyspace(ctx);
        Key key = Key.of(ctx.arg(1));
        HllSketch sketch = HllValues.read(keyspace, key);
        boolean created = sketch == null;
        if (created) {
            sketch = HllSketch.empty();
        }
        boolean updated = created;
        try {
            for (int i = 2; i < ctx.argc(); i++) {
                updated |= sketch.add(ctx.arg(i));
            }
        } catch (InvalidHllException e) {
            if (updated) {
                // Redis changes the string in place: registers raised before the corrupt part stay raised.
                HllValues.write(keyspace, key, sketch, created);
            }
            throw HllValues.corrupted();
        }
        if (updated) {
            sketch.invalidateCache();
            HllValues.write(keyspace, key, sketch, created);
        }
        return Reply.integer(updated ? 1 : 0);
    }

    /**
     * PFCOUNT: for one key the cached cardinality, or a fresh estimate that is then cached in the value (a change
     * that replicates); for several keys the estimate of their union, caching nothing.
     */
    private static Reply pfcount(CommandContext ctx) {
        Keyspace keyspace = HllValues.keyspace(ctx);
        if (ctx.argc() > 2) {
            byte[] union = new byte[HllSketch.REGISTERS];
            for (int i = 1; i < ctx.argc(); i++) {
                HllSketch sketch = HllValues.read(keyspace, Key.of(ctx.arg(i)));
                if (sketch != null) {
                    mergeInto(union, sketch);
                }
            }
            int[] histogram = new int[64];
            for (byte register : union) {
                histogram[register]++;
            }
            return Reply.integer(CardinalityEstimator.estimate(histogram));
        }
        Key key = Key.of(ctx.arg(1));
        HllSketch sketch = HllValues.read(keyspace, key);
        if (sketch == null) {
            return Reply.integer(0);
        }
        if (sketch.hasValidCache()) {
            return Reply.integer(sketch.cachedCardinality());
        }
        long cardinality;
        try {
            cardinality = sketch.estimate();
        } catch (InvalidHllException e) {
            throw HllValues.corrupted();
        }
        sketch.cacheCardinality(cardinality);
        HllValues.write(keyspace, key, sketch, false);
        return Reply.integer(cardinality);
    }

    /**
     * PFMERGE: the destination (itself one of the sources) gets the register-wise maximum of all sources; it becomes
     * dense if any source is dense, and sparse registers become dense as PFADD would make them.
     */
    private static Reply pfmerge(CommandContext ctx) {
        Keyspace keyspace = HllValues.keyspace(ctx);
        byte[] max = new byte[HllSketch.REGISTERS];
        boolean anyDense = false;
        for (int i = 1; i < ctx.argc(); i++) {
            HllSketch sketch = HllValues.read(keyspace, Key.of(ctx.arg(i)));
            if (sketch != null) {
                anyDense |= !sketch.isSparse();
                mergeInto(max, sketch);
            }
        }
        Key destination = Key.of(ctx.arg(1));
        HllSketch target = HllValues.read(keyspace, destination);
        boolean created = target == null;
        if (created) {
            target = HllSketch.empty();
        }
        try {
            if (anyDense) {
                target.convertToDense();
            }
            for (int i = 0; i < HllSketch.REGISTERS; i++) {
                if (max[i] != 0) {
                    target.raise(i, max[i]);
                }
            }
        } catch (InvalidHllException e) {
            throw HllValues.corrupted();
        }
        target.invalidateCache();
        HllValues.write(keyspace, destination, target, created);
        return Reply.ok();
    }

    private static void mergeInto(byte[] max, HllSketch sketch) {
        try {
            sketch.raiseToRegisters(max);
        } catch (InvalidHllException e) {
            throw HllValues.corrupted();
        }
    }
}

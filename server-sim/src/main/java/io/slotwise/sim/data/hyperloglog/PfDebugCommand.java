package io.slotwise.sim.data.hyperloglog;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code PFDEBUG <subcommand> <key>} as Redis 7.0 answers it: GETREG (every register, converting a sparse HLL to
 * dense first, as Redis does), DECODE (the sparse opcodes as {@code z:len Z:len v:value,len}), ENCODING ({@code
 * sparse} or {@code dense}) and TODENSE (1 if it converted). The key is looked up before the subcommand is checked.
 * Stateless.
 */
final class PfDebugCommand {
    private PfDebugCommand() {}

    static Reply pfdebug(CommandContext ctx) {
        Keyspace keyspace = HllValues.keyspace(ctx);
        Key key = Key.of(ctx.arg(2));
        HllSketch sketch = HllValues.read(keyspace, key);
        if (sketch == null) {
            throw new CommandException("ERR The specified key does not exist");
        }
        String subcommand = ctx.argString(1);
        switch (subcommand.toLowerCase(Locale.ROOT)) {
            case "getreg":
                convert(keyspace, key, sketch);
                List<Reply> registers = new ArrayList<>(HllSketch.REGISTERS);
                for (int register : sketch.registers()) {
                    registers.add(Reply.integer(register));
                }
                return new Reply.Array(registers);
            case "decode":
                if (!sketch.isSparse()) {
                    throw new CommandException("ERR HLL encoding is not sparse");
                }
                return Reply.bulk(sketch.describeSparse());
            case "encoding":
                return Reply.simple(sketch.isSparse() ? "sparse" : "dense");
            case "todense":
                return Reply.integer(convert(keyspace, key, sketch) ? 1 : 0);
            default:
                throw new CommandException("ERR Unknown PFDEBUG subcommand '"
                        + subcommand.replace('\r', ' ').replace('\n', ' ') + "'");
        }
    }

    /** Converts a sparse HLL to dense and stores it; returns whether it converted. */
    private static boolean convert(Keyspace keyspace, Key key, HllSketch sketch) {
        boolean converted;
        try {
            converted = sketch.convertToDense();
        } catch (InvalidHllException e) {
            throw HllValues.corrupted();
        }
        if (converted) {
            HllValues.write(keyspace, key, sketch, false);
        }
        return converted;
    }
}

package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BITFIELD {@code key [GET type offset] [SET type offset value] [INCRBY type offset increment] [OVERFLOW
 * WRAP|SAT|FAIL] ...} and BITFIELD_RO {@code key [GET type offset] ...}, as Redis 7.0 answers them. All operations are
 * parsed first ({@code ERR syntax error}, {@code ERR Invalid OVERFLOW type specified}, the type and offset errors of
 * {@link BitArguments}, a malformed value), then BITFIELD_RO refuses writes ({@code ERR BITFIELD_RO only supports the
 * GET subcommand}), then the key is type-checked; a write grows the string with zero bytes to hold every written
 * field. The reply has one element per operation: GET the field, SET the old value, INCRBY the new value, or the null
 * bulk when OVERFLOW FAIL refused the write. OVERFLOW applies to the operations after it. The key changes only if its
 * bytes changed. Stateless.
 */
final class BitfieldCommand {
    private enum Kind {
        GET,
        SET,
        INCRBY
    }

    private record Operation(
            Kind kind, BitArguments.FieldType type, long offset, long value, BitFields.Overflow overflow) {}

    private BitfieldCommand() {}

    static void register(CommandRegistry registry) {
        registry.register("bitfield", TypeChecked.handler(ctx -> bitfield(ctx, false)));
        registry.register("bitfield_ro", TypeChecked.handler(ctx -> bitfield(ctx, true)));
    }

    private static Reply bitfield(CommandContext ctx, boolean readOnly) {
        List<Operation> operations = parse(ctx);
        long highestWrittenBit = -1;
        for (Operation operation : operations) {
            if (operation.kind != Kind.GET) {
                highestWrittenBit = Math.max(highestWrittenBit, operation.offset + operation.type.bits() - 1);
            }
        }
        if (readOnly && highestWrittenBit >= 0) {
            throw new CommandException("ERR BITFIELD_RO only supports the GET subcommand");
        }
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        StringValue current = keyspace.getString(key);
        byte[] before = current == null ? null : current.toByteArray();
        byte[] bytes = highestWrittenBit >= 0
                ? BitmapCommands.grown(before, highestWrittenBit)
                : (before == null ? new byte[0] : before);
        List<Reply> replies = new ArrayList<>(operations.size());
        for (Operation operation : operations) {
            replies.add(apply(bytes, operation));
        }
        if (highestWrittenBit >= 0 && (before == null || !Arrays.equals(before, bytes))) {
            keyspace.setKeepTtl(key, StringValue.of(bytes));
        }
        return new Reply.Array(replies);
    }

    private static Reply apply(byte[] bytes, Operation operation) {
        int bits = operation.type.bits();
        boolean signed = operation.type.signed();
        long old = signed
                ? BitFields.getSigned(bytes, operation.offset, bits)
                : BitFields.getUnsigned(bytes, operation.offset, bits);
        if (operation.kind == Kind.GET) {
            return Reply.integer(old);
        }
        long stored;
        Long overflowed;
        if (operation.kind == Kind.INCRBY) {
            overflowed = signed
                    ? BitFields.signedOverflow(old, operation.value, bits, operation.overflow)
                    : BitFields.unsignedOverflow(old, operation.value, bits, operation.overflow);
            stored = old + operation.value;
        } else {
            overflowed = signed
                    ? BitFields.signedOverflow(operation.value, 0, bits, operation.overflow)
                    : BitFields.unsignedOverflow(operation.value, 0, bits, operation.overflow);
            stored = operation.value;
        }
        if (overflowed != null) {
            if (operation.overflow == BitFields.Overflow.FAIL) {
                return CollectionReplies.NULL_BULK;
            }
            stored = overflowed;
        }
        BitFields.set(bytes, operation.offset, bits, stored);
        return Reply.integer(operation.kind == Kind.INCRBY ? stored : old);
    }

    private static List<Operation> parse(CommandContext ctx) {
        List<Operation> operations = new ArrayList<>();
        BitFields.Overflow overflow = BitFields.Overflow.WRAP;
        for (int i = 2; i < ctx.argc(); i++) {
            int remaining = ctx.argc() - i - 1;
            Kind kind;
            if (ctx.argIs(i, "get") && remaining >= 2) {
                kind = Kind.GET;
            } else if (ctx.argIs(i, "set") && remaining >= 3) {
                kind = Kind.SET;
            } else if (ctx.argIs(i, "incrby") && remaining >= 3) {
                kind = Kind.INCRBY;
            } else if (ctx.argIs(i, "overflow") && remaining >= 1) {
                overflow = overflow(ctx, ++i);
                continue;
            } else {
                throw CommandException.syntaxError();
            }
            BitArguments.FieldType type = BitArguments.fieldType(ctx, i + 1);
            long offset = BitArguments.offset(ctx, i + 2, type.bits());
            long value = kind == Kind.GET ? 0 : ctx.longArg(i + 3);
            operations.add(new Operation(kind, type, offset, value, overflow));
            i += kind == Kind.GET ? 2 : 3;
        }
        return operations;
    }

    private static BitFields.Overflow overflow(CommandContext ctx, int index) {
        for (BitFields.Overflow overflow : BitFields.Overflow.values()) {
            if (ctx.argIs(index, overflow.name())) {
                return overflow;
            }
        }
        throw new CommandException("ERR Invalid OVERFLOW type specified");
    }
}

package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * BITOP {@code AND|OR|XOR|NOT destkey key [key ...]}, as Redis 7.0 answers it: an unknown operation is {@code ERR
 * syntax error}, NOT with more than one source {@code ERR BITOP NOT must be called with a single source key.}; every
 * source is type-checked, missing ones read as empty strings and shorter ones are padded with zero bytes. The result,
 * as long as the longest source, replaces the destination (dropping its TTL); an empty result deletes it. Answers the
 * result's length. Stateless.
 */
final class BitOpCommand {
    private enum Operation {
        AND,
        OR,
        XOR,
        NOT
    }

    private BitOpCommand() {}

    static void register(CommandRegistry registry) {
        registry.register("bitop", TypeChecked.handler(BitOpCommand::bitop));
    }

    private static Reply bitop(CommandContext ctx) {
        Operation operation = operation(ctx);
        if (operation == Operation.NOT && ctx.argc() != 4) {
            throw new CommandException("ERR BITOP NOT must be called with a single source key.");
        }
        Keyspace keyspace = DataContext.keyspace(ctx);
        List<byte[]> sources = new ArrayList<>(ctx.argc() - 3);
        int longest = 0;
        for (int i = 3; i < ctx.argc(); i++) {
            StringValue value = keyspace.getString(CommandArgs.key(ctx, i));
            byte[] bytes = value == null ? new byte[0] : value.toByteArray();
            sources.add(bytes);
            longest = Math.max(longest, bytes.length);
        }
        if (longest == 0) {
            keyspace.delete(CommandArgs.key(ctx, 2));
            return Reply.integer(0);
        }
        byte[] result = new byte[longest];
        for (int i = 0; i < longest; i++) {
            int combined = byteAt(sources.get(0), i);
            if (operation == Operation.NOT) {
                combined = ~combined;
            }
            for (int s = 1; s < sources.size(); s++) {
                int next = byteAt(sources.get(s), i);
                combined = switch (operation) {
                    case AND -> combined & next;
                    case OR -> combined | next;
                    case XOR -> combined ^ next;
                    case NOT -> combined;
                };
            }
            result[i] = (byte) combined;
        }
        keyspace.set(CommandArgs.key(ctx, 2), StringValue.of(result));
        return Reply.integer(longest);
    }

    private static int byteAt(byte[] bytes, int index) {
        return index < bytes.length ? bytes[index] & 0xFF : 0;
    }

    private static Operation operation(CommandContext ctx) {
        for (Operation operation : Operation.values()) {
            if (ctx.argIs(1, operation.name())) {
                return operation;
            }
        }
        throw CommandException.syntaxError();
    }
}

package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import io.slotwise.sim.protocol.Reply;

/**
 * APPEND, STRLEN, GETRANGE (and its old name SUBSTR) and SETRANGE with Redis 7.0's replies. A string may not grow beyond the node's {@code
 * proto-max-bulk-len} (512mb by default): {@code ERR string exceeds maximum allowed size (proto-max-bulk-len)}; the
 * simulator also refuses strings a Java array cannot hold (about 2 GiB) with the same error. Changes keep the TTL.
 * Handlers run on the node's event loop.
 */
final class StringRangeCommands {
    /** The longest array the JVM reliably allocates. */
    private static final long MAX_JAVA_ARRAY = Integer.MAX_VALUE - 8;

    private StringRangeCommands() {}

    static void register(CommandRegistry registry) {
        registry.register("append", TypeChecked.handler(StringRangeCommands::append));
        registry.register("strlen", TypeChecked.handler(ctx -> {
            StringValue value = DataContext.keyspace(ctx).getString(CommandArgs.key(ctx, 1));
            return Reply.integer(value == null ? 0 : value.length());
        }));
        registry.register("getrange", TypeChecked.handler(StringRangeCommands::getrange));
        registry.register("substr", TypeChecked.handler(StringRangeCommands::getrange));
        registry.register("setrange", TypeChecked.handler(StringRangeCommands::setrange));
    }

    private static Reply append(CommandContext ctx) {
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        byte[] suffix = ctx.arg(2);
        StringValue current = keyspace.getString(key);
        if (current == null) {
            keyspace.set(key, StringValue.of(suffix));
            return Reply.integer(suffix.length);
        }
        checkLength(ctx, current.length(), suffix.length);
        byte[] joined = new byte[current.length() + suffix.length];
        current.asReadOnlyBuffer().get(joined, 0, current.length());
        System.arraycopy(suffix, 0, joined, current.length(), suffix.length);
        keyspace.setKeepTtl(key, StringValue.of(joined));
        return Reply.integer(joined.length);
    }

    private static Reply getrange(CommandContext ctx) {
        long start = ctx.longArg(2);
        long end = ctx.longArg(3);
        StringValue value = DataContext.keyspace(ctx).getString(CommandArgs.key(ctx, 1));
        if (value == null || (start < 0 && end < 0 && start > end)) {
            return Reply.bulk(new byte[0]);
        }
        long length = value.length();
        start = Math.max(start < 0 ? length + start : start, 0);
        end = Math.max(end < 0 ? length + end : end, 0);
        end = Math.min(end, length - 1);
        if (start > end || length == 0) {
            return Reply.bulk(new byte[0]);
        }
        byte[] range = new byte[(int) (end - start + 1)];
        value.asReadOnlyBuffer().position((int) start).get(range);
        return Reply.bulk(range);
    }

    private static Reply setrange(CommandContext ctx) {
        long offset = ctx.longArg(2);
        if (offset < 0) {
            throw new CommandException("ERR offset is out of range");
        }
        byte[] patch = ctx.arg(3);
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key key = CommandArgs.key(ctx, 1);
        StringValue current = keyspace.getString(key);
        if (patch.length == 0) {
            return Reply.integer(current == null ? 0 : current.length());
        }
        checkLength(ctx, offset, patch.length);
        int currentLength = current == null ? 0 : current.length();
        byte[] result = new byte[(int) Math.max(currentLength, offset + patch.length)];
        if (current != null) {
            current.asReadOnlyBuffer().get(result, 0, currentLength);
        }
        System.arraycopy(patch, 0, result, (int) offset, patch.length);
        keyspace.setKeepTtl(key, StringValue.of(result));
        return Reply.integer(result.length);
    }

    /** Redis's {@code checkStringLength}: the resulting size may not exceed {@code proto-max-bulk-len}. */
    private static void checkLength(CommandContext ctx, long size, long growth) {
        long total = size + growth;
        if (total > ctx.node().config().protoMaxBulkLen() || total > MAX_JAVA_ARRAY || total < size) {
            throw new CommandException("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        }
    }
}

package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.ListValue;
import io.slotwise.sim.keyspace.ValueType;
import io.slotwise.sim.protocol.Reply;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * BLPOP and BRPOP {@code key [key ...] timeout}, as Redis 7.0 answers them: the timeout is checked first, then the keys
 * in order; the first non-empty list is popped at once and answered {@code [key, element]} (a key of another type met
 * before it answers WRONGTYPE). Otherwise the client blocks on all the keys (see {@link BlockedClients}) and times out
 * with the null array; inside a transaction it answers the null array at once.
 */
final class BlockingPopCommands {
    private BlockingPopCommands() {}

    static void register(CollectionRegistrar registrar, BlockedClients blocked) {
        registrar.registerAsync("blpop", ctx -> pop(ctx, true, blocked));
        registrar.registerAsync("brpop", ctx -> pop(ctx, false, blocked));
    }

    private static CompletionStage<Reply> pop(CommandContext ctx, boolean head, BlockedClients blocked) {
        long timeout = BlockingTimeout.parseMillis(ctx, ctx.argc() - 1, System.currentTimeMillis());
        Keyspace keyspace = DataContext.keyspace(ctx);
        List<Key> keys = CollectionArguments.keys(ctx, 1, ctx.argc() - 1);
        for (Key key : keys) {
            if (keyspace.getList(key) != null) {
                return CompletableFuture.completedFuture(popOne(keyspace, key, head));
            }
        }
        if (ctx.inTransaction()) {
            return CompletableFuture.completedFuture(CollectionReplies.NULL_ARRAY);
        }
        return blocked.block(
                ctx.session(),
                keys,
                timeout,
                ready -> keyspace.type(ready) == ValueType.LIST ? popOne(keyspace, ready, head) : null);
    }

    private static Reply popOne(Keyspace keyspace, Key key, boolean head) {
        ListValue list = keyspace.getOrCreateList(key);
        Bytes element = head ? list.popFirst() : list.popLast();
        keyspace.markModified(key);
        return Reply.array(new Reply.Bulk(key.toByteArray()), CollectionReplies.bulk(element));
    }
}

package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.ListValue;
import io.slotwise.sim.keyspace.ValueType;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * LMPOP {@code numkeys key [key ...] LEFT|RIGHT [COUNT count]} and BLMPOP {@code timeout numkeys key ... LEFT|RIGHT
 * [COUNT count]}, as Redis 7.0 answers them. Checks in Redis's order: the timeout (BLMPOP), numkeys ({@code ERR
 * numkeys should be greater than 0}), a missing or malformed side ({@code ERR syntax error}), then the options (COUNT
 * once, {@code ERR count should be greater than 0}). The keys are then looked at in order: a key of another type
 * answers WRONGTYPE, the first non-empty list gives up to count elements from the chosen end, answered {@code [key,
 * [elements...]]}. With nothing to pop LMPOP answers the null array; BLMPOP blocks on all the keys (see {@link
 * BlockedClients}), answers the null array on timeout, and at once inside a transaction. Stateless.
 */
final class ListMultiPopCommands {
    private ListMultiPopCommands() {}

    static void register(CollectionRegistrar registrar, BlockedClients blocked) {
        registrar.register("lmpop", ctx -> {
            Request request = Request.parse(ctx, 1);
            Reply popped = popFirstNonEmpty(DataContext.keyspace(ctx), request);
            return popped == null ? CollectionReplies.NULL_ARRAY : popped;
        });
        registrar.registerAsync("blmpop", ctx -> blmpop(ctx, blocked));
    }

    private static CompletionStage<Reply> blmpop(CommandContext ctx, BlockedClients blocked) {
        long timeout = BlockingTimeout.parseMillis(ctx, 1, System.currentTimeMillis());
        Request request = Request.parse(ctx, 2);
        Keyspace keyspace = DataContext.keyspace(ctx);
        Reply popped = popFirstNonEmpty(keyspace, request);
        if (popped != null || ctx.inTransaction()) {
            return CompletableFuture.completedFuture(popped == null ? CollectionReplies.NULL_ARRAY : popped);
        }
        return blocked.block(
                ctx.session(),
                request.keys,
                timeout,
                ready -> keyspace.type(ready) == ValueType.LIST ? pop(keyspace, ready, request) : null);
    }

    private static Reply popFirstNonEmpty(Keyspace keyspace, Request request) {
        for (Key key : request.keys) {
            if (keyspace.getList(key) != null) {
                return pop(keyspace, key, request);
            }
        }
        return null;
    }

    private static Reply pop(Keyspace keyspace, Key key, Request request) {
        ListValue list = keyspace.getOrCreateList(key);
        List<Bytes> popped = new ArrayList<>((int) Math.min(request.count, list.size()));
        while (popped.size() < request.count && !list.isEmpty()) {
            popped.add(request.head ? list.popFirst() : list.popLast());
        }
        keyspace.markModified(key);
        return Reply.array(new Reply.Bulk(key.toByteArray()), CollectionReplies.array(popped));
    }

    /** The parsed keys, side and count of one invocation. */
    private record Request(List<Key> keys, boolean head, long count) {
        static Request parse(CommandContext ctx, int numKeysIndex) {
            long numKeys = CollectionArguments.rangeLong(
                    ctx, numKeysIndex, 1, Long.MAX_VALUE, "numkeys should be greater than 0");
            if (numKeys >= ctx.argc() - numKeysIndex - 1) {
                throw CommandException.syntaxError();
            }
            int sideIndex = numKeysIndex + (int) numKeys + 1;
            boolean head;
            if (ctx.argIs(sideIndex, "left")) {
                head = true;
            } else if (ctx.argIs(sideIndex, "right")) {
                head = false;
            } else {
                throw CommandException.syntaxError();
            }
            long count = -1;
            for (int i = sideIndex + 1; i < ctx.argc(); i++) {
                if (count == -1 && ctx.argIs(i, "count") && i + 1 < ctx.argc()) {
                    i++;
                    count = CollectionArguments.rangeLong(ctx, i, 1, Long.MAX_VALUE, "count should be greater than 0");
                } else {
                    throw CommandException.syntaxError();
                }
            }
            return new Request(
                    CollectionArguments.keys(ctx, numKeysIndex + 1, sideIndex), head, count == -1 ? 1 : count);
        }
    }
}

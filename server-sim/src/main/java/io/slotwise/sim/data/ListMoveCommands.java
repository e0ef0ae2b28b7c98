package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
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
 * LMOVE and BLMOVE {@code source destination LEFT|RIGHT LEFT|RIGHT [timeout]}, and their older forms RPOPLPUSH and
 * BRPOPLPUSH {@code source destination [timeout]} (RIGHT to LEFT), as Redis 7.0 answers them: the moved
 * element, or the null bulk when the source is missing (LMOVE, and BLMOVE inside a transaction). BLMOVE on a missing
 * source blocks on it; its timeout answers the null array (RESP2 {@code *-1}, not {@code $-1}), as in Redis. If the
 * destination holds another type when a blocked BLMOVE is served, the client gets WRONGTYPE and nothing moves.
 */
final class ListMoveCommands {
    private ListMoveCommands() {}

    static void register(CollectionRegistrar registrar, BlockedClients blocked) {
        registrar.register("lmove", ctx -> {
            boolean fromHead = side(ctx, 3);
            boolean toHead = side(ctx, 4);
            Reply moved = move(ctx, fromHead, toHead);
            return moved == null ? CollectionReplies.NULL_BULK : moved;
        });
        registrar.register("rpoplpush", ctx -> {
            Reply moved = move(ctx, false, true);
            return moved == null ? CollectionReplies.NULL_BULK : moved;
        });
        registrar.registerAsync("blmove", ctx -> blockingMove(ctx, blocked, side(ctx, 3), side(ctx, 4), 5));
        registrar.registerAsync("brpoplpush", ctx -> blockingMove(ctx, blocked, false, true, 3));
    }

    private static CompletionStage<Reply> blockingMove(
            CommandContext ctx, BlockedClients blocked, boolean fromHead, boolean toHead, int timeoutIndex) {
        long timeout = BlockingTimeout.parseMillis(ctx, timeoutIndex, System.currentTimeMillis());
        Reply moved = move(ctx, fromHead, toHead);
        if (moved != null || ctx.inTransaction()) {
            return CompletableFuture.completedFuture(moved == null ? CollectionReplies.NULL_BULK : moved);
        }
        Keyspace keyspace = DataContext.keyspace(ctx);
        Key source = CollectionArguments.key(ctx, 1);
        Key destination = CollectionArguments.key(ctx, 2);
        return blocked.block(
                ctx.session(),
                List.of(source),
                timeout,
                key -> keyspace.type(key) == ValueType.LIST
                        ? move(keyspace, source, destination, fromHead, toHead)
                        : null);
    }

    private static Reply move(CommandContext ctx, boolean fromHead, boolean toHead) {
        return move(
                DataContext.keyspace(ctx),
                CollectionArguments.key(ctx, 1),
                CollectionArguments.key(ctx, 2),
                fromHead,
                toHead);
    }

    /**
     * Moves one element between lists (possibly the same one).
     *
     * @return the element as a bulk reply, or null if the source does not exist
     * @throws io.slotwise.sim.keyspace.WrongTypeException if either key holds another type; nothing moves then
     */
    static Reply move(Keyspace keyspace, Key source, Key destination, boolean fromHead, boolean toHead) {
        if (keyspace.getList(source) == null) {
            return null;
        }
        keyspace.getList(destination); // type check before anything changes
        ListValue from = keyspace.getOrCreateList(source);
        Bytes element = fromHead ? from.popFirst() : from.popLast();
        ListValue to = keyspace.getOrCreateList(destination);
        if (toHead) {
            to.pushFirst(element);
        } else {
            to.pushLast(element);
        }
        keyspace.markModified(source);
        if (!destination.equals(source)) {
            keyspace.markModified(destination);
        }
        return CollectionReplies.bulk(element);
    }

    /** Parses LEFT (true) or RIGHT (false), any case. */
    private static boolean side(CommandContext ctx, int index) {
        if (ctx.argIs(index, "left")) {
            return true;
        }
        if (ctx.argIs(index, "right")) {
            return false;
        }
        throw CommandException.syntaxError();
    }
}

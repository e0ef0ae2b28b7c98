package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH, with Redis 7.0's replies. Queuing itself is the {@link CommandDispatcher}'s
 * job; EXEC forgets the watched keys, runs the queued commands one after the other through it, waiting for asynchronous
 * ones, and answers the array of their replies. As in Redis the client stays in MULTI while EXEC runs (CLIENT INFO
 * inside a transaction shows {@code flags=x}). WATCH remembers keys; the keyspace spoils a watch through {@link
 * io.slotwise.sim.server.WatchedKeys#touch(byte[])}. Keys whose TTL has passed are removed first through the {@link
 * PendingExpiry} service: at WATCH (an already expired key is not watched as existing) and at EXEC (a watched key that
 * expired since spoils the transaction).
 */
public final class TransactionCommands {
    private static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";

    private TransactionCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        registry.register("multi", TransactionCommands::multi);
        registry.registerAsync("exec", TransactionCommands::exec);
        registry.register("discard", TransactionCommands::discard);
        registry.register("watch", TransactionCommands::watch);
        registry.register("unwatch", ctx -> {
            ctx.session().unwatchAll();
            return Reply.ok();
        });
    }

    private static Reply multi(CommandContext ctx) {
        if (ctx.session().inMulti()) {
            throw new CommandException("ERR MULTI calls can not be nested");
        }
        ctx.session().beginTransaction();
        return Reply.ok();
    }

    private static Reply discard(CommandContext ctx) {
        if (!ctx.session().inMulti()) {
            throw new CommandException("ERR DISCARD without MULTI");
        }
        ctx.session().endTransaction();
        return Reply.ok();
    }

    private static Reply watch(CommandContext ctx) {
        if (ctx.session().inMulti()) {
            throw new CommandException("ERR WATCH inside MULTI is not allowed");
        }
        Optional<PendingExpiry> expiry = ctx.node().service(PendingExpiry.class);
        for (int i = 1; i < ctx.argc(); i++) {
            byte[] key = ctx.arg(i);
            expiry.ifPresent(pending -> pending.expireIfDue(key));
            ctx.session().watch(key);
        }
        return Reply.ok();
    }

    private static CompletionStage<Reply> exec(CommandContext ctx) {
        ClientSession session = ctx.session();
        if (!session.inMulti()) {
            throw new CommandException("ERR EXEC without MULTI");
        }
        if (session.transaction().aborted()) {
            session.endTransaction();
            throw new CommandException(EXECABORT);
        }
        if (session.watchedKeyCount() > 0) {
            ctx.node().service(PendingExpiry.class).ifPresent(PendingExpiry::expireAllDue);
        }
        if (session.watchSpoiled()) {
            session.endTransaction();
            return CompletableFuture.completedFuture(Reply.nullArray());
        }
        List<Invocation> queued = session.transaction().queued();
        session.unwatchAll();
        CompletableFuture<Reply> done = new CompletableFuture<>();
        runFrom(0, queued, new ArrayList<>(queued.size()), ctx, done);
        return done;
    }

    private static void runFrom(
            int first,
            List<Invocation> queued,
            List<Reply> replies,
            CommandContext ctx,
            CompletableFuture<Reply> done) {
        for (int i = first; i < queued.size(); i++) {
            CompletionStage<Reply> stage = ctx.dispatcher().execute(queued.get(i), ctx.session(), true);
            if (stage instanceof CompletableFuture<Reply> future && future.isDone()) {
                replies.add(orNull(future.join()));
            } else {
                int next = i + 1;
                stage.whenComplete((reply, error) -> {
                    replies.add(orNull(reply));
                    runFrom(next, queued, replies, ctx, done);
                });
                return;
            }
        }
        ctx.session().endTransaction();
        done.complete(new Reply.Array(replies));
    }

    private static Reply orNull(Reply reply) {
        return reply == null ? Reply.nullBulk() : reply;
    }
}

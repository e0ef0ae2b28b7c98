package io.slotwise.sim.replication;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.protocol.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code WAIT numreplicas timeout}, as Redis 7.0 answers it: the number of replicas that acknowledged the offset of
 * the client's last write, at once if enough already did (or inside a transaction), otherwise once enough did or the
 * timeout (milliseconds, 0 for ever) ran out; meanwhile the replicas are asked to acknowledge. A replica answers
 * {@value #ON_REPLICA}.
 */
final class WaitCommand {
    static final String ON_REPLICA = "ERR WAIT cannot be used with replica instances. Please also note that since"
            + " Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are"
            + " just local and are not propagated.";

    private WaitCommand() {}

    static CompletionStage<Reply> handle(CommandContext ctx, NodeReplication replication) {
        if (replication.isReplica()) {
            throw new CommandException(ON_REPLICA);
        }
        long wanted = ctx.longArg(1);
        long timeout = RedisNumbers.parseLong(ctx.arg(2))
                .orElseThrow(() -> new CommandException("ERR timeout is not an integer or out of range"));
        if (timeout < 0) {
            throw new CommandException("ERR timeout is negative");
        }
        if (timeout > Long.MAX_VALUE - System.currentTimeMillis()) {
            throw new CommandException("ERR timeout is out of range");
        }
        long offset = replication.propagator().lastWriteOffset(ctx.session());
        int acknowledged = replication.replicas().countAcknowledged(offset);
        if (acknowledged >= wanted || ctx.inTransaction()) {
            return CompletableFuture.completedFuture(Reply.integer(acknowledged));
        }
        CompletableFuture<Reply> reply = replication.waiting().block(ctx.session(), offset, wanted, timeout);
        replication.masterSide().requestAcknowledgements(ctx.node().eventLoop());
        return reply;
    }
}

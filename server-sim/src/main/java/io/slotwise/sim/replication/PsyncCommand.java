package io.slotwise.sim.replication;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.protocol.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code PSYNC <replid> <offset>} on a master: synchronises the calling connection as a replica (see {@link
 * MasterSide#synchronise}); the answer is written straight to the connection, so the command itself replies nothing.
 * An offset that is not an integer asks for a full synchronisation. A replica refuses: {@code NOMASTERLINK Can't SYNC
 * while not connected with my master} while its link is down, as Redis, and otherwise an error saying that the
 * simulator does not chain replicas.
 */
final class PsyncCommand {
    private PsyncCommand() {}

    static CompletionStage<Reply> handle(CommandContext ctx, NodeReplication replication) {
        if (replication.isReplica()) {
            boolean linkUp = replication
                    .link()
                    .map(link -> link.state() == LinkState.CONNECTED)
                    .orElse(false);
            throw new CommandException(
                    linkUp
                            ? "ERR the Slotwise simulator does not support replicas of replicas"
                            : "NOMASTERLINK Can't SYNC while not connected with my master");
        }
        long nextOffset = RedisNumbers.parseLong(ctx.arg(2)).orElse(-1);
        replication.masterSide().synchronise(ctx.session(), ctx.argString(1), nextOffset);
        return CompletableFuture.completedFuture(null);
    }
}

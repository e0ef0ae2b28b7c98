package io.slotwise.sim.replication;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.RedisNumbers;
import io.slotwise.sim.protocol.Reply;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code REPLCONF <option> <value> ...} on a master, as Redis 7.0 answers it: {@code listening-port} records the port
 * the replica accepts clients on (INFO and ROLE show it); {@code ip-address}, {@code capa} and {@code rdb-only} are
 * accepted and ignored; {@code ACK <offset>} records a replica's acknowledgement and, like {@code GETACK} (which only a
 * replica answers, inside its stream), gets no reply at all; any other option answers {@code ERR Unrecognized REPLCONF
 * option: <option>}, and an even argument count {@code ERR syntax error}.
 */
final class ReplconfCommand {
    private static final CompletableFuture<Reply> NO_REPLY = CompletableFuture.completedFuture(null);

    private ReplconfCommand() {}

    static CompletionStage<Reply> handle(CommandContext ctx, NodeReplication replication) {
        if (ctx.argc() % 2 == 0) {
            throw CommandException.syntaxError();
        }
        for (int i = 1; i < ctx.argc(); i += 2) {
            String option = ctx.argString(i);
            if (ctx.argIs(i, "listening-port")) {
                long port = ctx.longArg(i + 1);
                replication.replicas().announcePort(ctx.session(), (int) Math.max(0, Math.min(port, 65535)));
            } else if (ctx.argIs(i, "ack")) {
                OptionalLong offset = RedisNumbers.parseLong(ctx.arg(i + 1));
                if (offset.isPresent()) {
                    replication.masterSide().acknowledged(ctx.session(), offset.getAsLong());
                }
                return NO_REPLY;
            } else if (ctx.argIs(i, "getack")) {
                return NO_REPLY;
            } else if (!ctx.argIs(i, "ip-address") && !ctx.argIs(i, "capa") && !ctx.argIs(i, "rdb-only")) {
                throw new CommandException("ERR Unrecognized REPLCONF option: " + option);
            }
        }
        return CompletableFuture.completedFuture(Reply.ok());
    }
}

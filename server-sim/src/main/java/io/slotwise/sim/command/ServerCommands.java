package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TIME, ROLE, DBSIZE and SHUTDOWN. ROLE answers what the {@link ReplicationStatus} service reports; DBSIZE counts
 * through the {@link KeyspaceSummary} service (0 without a keyspace). SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] closes the
 * node without a reply (nothing is persisted either way); SHUTDOWN ABORT answers that no shutdown is in progress.
 */
public final class ServerCommands {
    /** The Redis version the simulator reports (INFO, HELLO). */
    public static final String REDIS_VERSION = "7.0.15";

    private static final Logger LOG = LoggerFactory.getLogger(ServerCommands.class);

    private ServerCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        registry.register("time", ctx -> {
            Instant now = Instant.now();
            return Reply.array(
                    Reply.bulk(Long.toString(now.getEpochSecond())), Reply.bulk(Long.toString(now.getNano() / 1000)));
        });
        registry.register("role", ctx -> ReplicationStatus.of(ctx.node()).role());
        registry.register(
                "dbsize",
                ctx -> Reply.integer(ctx.node()
                        .service(KeyspaceSummary.class)
                        .orElse(KeyspaceSummary.EMPTY)
                        .keys()));
        registry.registerAsync("shutdown", ServerCommands::shutdown);
    }

    private static CompletionStage<Reply> shutdown(CommandContext ctx) {
        boolean save = false;
        boolean noSave = false;
        boolean abort = false;
        boolean other = false;
        for (int i = 1; i < ctx.argc(); i++) {
            if (ctx.argIs(i, "SAVE")) {
                save = true;
            } else if (ctx.argIs(i, "NOSAVE")) {
                noSave = true;
            } else if (ctx.argIs(i, "ABORT")) {
                abort = true;
            } else if (ctx.argIs(i, "NOW") || ctx.argIs(i, "FORCE")) {
                other = true;
            } else {
                throw CommandException.syntaxError();
            }
        }
        if ((save && noSave) || (abort && (save || noSave || other))) {
            throw CommandException.syntaxError();
        }
        if (abort) {
            throw new CommandException("ERR No shutdown in progress.");
        }
        LOG.info("User requested shutdown...");
        ctx.node().shutdown();
        return new CompletableFuture<>();
    }
}

package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.RespVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The connection commands: PING (a subscribed RESP2 client gets {@code ["pong", <argument or "">]}), ECHO, HELLO, AUTH, SELECT, QUIT, RESET, and the cluster connection flags ASKING,
 * READONLY and READWRITE, with Redis 7.0's replies and errors. The only user is {@code default}; its password is
 * {@code requirepass} (none when empty, then any password is accepted for it, as Redis's {@code nopass}).
 */
public final class ConnectionCommands {
    private static final String CLUSTER_DISABLED = "ERR This instance has cluster support disabled";
    private static final byte[] PONG_IN_SUBSCRIBED_MODE = "pong".getBytes(StandardCharsets.US_ASCII);

    private ConnectionCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        registry.register("ping", ConnectionCommands::ping);
        registry.register("echo", ctx -> Reply.bulk(ctx.arg(1)));
        registry.register("hello", HelloCommand::handle);
        registry.register("auth", ConnectionCommands::auth);
        registry.register("select", ConnectionCommands::select);
        registry.register("quit", ctx -> {
            ctx.session().closeAfterReply();
            return Reply.ok();
        });
        registry.register("reset", ctx -> {
            ctx.session().reset(ctx.node().config().requirePass().isPresent());
            return Reply.simple("RESET");
        });
        registry.register("asking", ctx -> clusterFlag(ctx, () -> ctx.session().setAsking(true)));
        registry.register(
                "readonly", ctx -> clusterFlag(ctx, () -> ctx.session().setReadOnly(true)));
        registry.register(
                "readwrite", ctx -> clusterFlag(ctx, () -> ctx.session().setReadOnly(false)));
    }

    private static Reply ping(CommandContext ctx) {
        if (ctx.argc() > 2) {
            throw new CommandException("ERR wrong number of arguments for 'ping' command");
        }
        if (ctx.session().subscribed() && ctx.session().protocol() == RespVersion.RESP2) {
            // Redis's answer to a subscribed RESP2 client, shaped like a Pub/Sub message.
            return new Reply.Array(List.of(
                    Reply.bulk(PONG_IN_SUBSCRIBED_MODE), Reply.bulk(ctx.argc() == 2 ? ctx.arg(1) : new byte[0])));
        }
        return ctx.argc() == 2 ? Reply.bulk(ctx.arg(1)) : Reply.simple("PONG");
    }

    private static Reply auth(CommandContext ctx) {
        if (ctx.argc() > 3) {
            throw CommandException.syntaxError();
        }
        if (ctx.argc() == 2 && ctx.node().config().requirePass().isEmpty()) {
            throw new CommandException("ERR AUTH <password> called without any password configured for the default"
                    + " user. Are you sure your configuration is correct?");
        }
        byte[] user = ctx.argc() == 3 ? ctx.arg(1) : "default".getBytes(StandardCharsets.US_ASCII);
        authenticate(ctx, user, ctx.arg(ctx.argc() - 1));
        return Reply.ok();
    }

    /**
     * Checks credentials against the node's ACL users and marks the session authenticated as that user.
     *
     * @throws CommandException {@code WRONGPASS ...} if they do not match
     */
    static void authenticate(CommandContext ctx, byte[] user, byte[] password) {
        String name = new String(user, StandardCharsets.ISO_8859_1);
        AclUser found = ctx.activity().users.find(name, ctx.node().config()).orElse(null);
        if (found == null || !found.accepts(password)) {
            throw new CommandException("WRONGPASS invalid username-password pair or user is disabled.");
        }
        ctx.session().setAuthenticated(true);
        ctx.session().controls().setUser(name);
    }

    private static Reply select(CommandContext ctx) {
        long db = ctx.longArg(1);
        if (db < Integer.MIN_VALUE || db > Integer.MAX_VALUE) {
            throw CommandException.notAnInteger();
        }
        if (ctx.node().config().clusterEnabled() && db != 0) {
            throw new CommandException("ERR SELECT is not allowed in cluster mode");
        }
        if (db != 0) {
            throw new CommandException("ERR DB index is out of range");
        }
        return Reply.ok();
    }

    private static Reply clusterFlag(CommandContext ctx, Runnable apply) {
        if (!ctx.node().config().clusterEnabled()) {
            throw new CommandException(CLUSTER_DISABLED);
        }
        apply.run();
        return Reply.ok();
    }
}

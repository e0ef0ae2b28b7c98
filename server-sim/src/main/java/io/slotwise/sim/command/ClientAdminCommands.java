package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT KILL, PAUSE, UNPAUSE, REPLY, NO-EVICT and UNBLOCK with Redis 7.0's replies and errors, and CLIENT TRACKING,
 * CACHING, GETREDIR and TRACKINGINFO for a node without client-side caching: tracking is always off, {@code CLIENT
 * TRACKING on} answers (after Redis's argument checks) that the simulator does not implement it.
 */
final class ClientAdminCommands {
    static final String TRACKING_UNSUPPORTED =
            "ERR the Slotwise simulator does not implement client-side caching (CLIENT TRACKING on)";

    private ClientAdminCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        registry.register("client|kill", ClientAdminCommands::kill);
        registry.register("client|pause", ClientAdminCommands::pause);
        registry.register("client|unpause", ctx -> {
            ctx.activity().pause.unpause();
            return Reply.ok();
        });
        registry.register("client|reply", ClientAdminCommands::reply);
        registry.register("client|no-evict", ctx -> {
            ctx.session().controls().setNoEvict(onOff(ctx, 2));
            return Reply.ok();
        });
        registry.register("client|unblock", ClientAdminCommands::unblock);
        registry.register("client|tracking", ClientAdminCommands::tracking);
        registry.register("client|caching", ctx -> {
            throw new CommandException("ERR CLIENT CACHING can be called only when the client is in tracking mode"
                    + " with OPTIN or OPTOUT mode enabled");
        });
        registry.register("client|getredir", ctx -> Reply.integer(-1));
        registry.register(
                "client|trackinginfo",
                ctx -> Reply.map(
                        Reply.entry(Reply.bulk("flags"), Reply.set(Reply.bulk("off"))),
                        Reply.entry(Reply.bulk("redirect"), Reply.integer(-1)),
                        Reply.entry(Reply.bulk("prefixes"), Reply.array())));
    }

    private static Reply kill(CommandContext ctx) {
        ClientSession caller = ctx.session();
        if (ctx.argc() == 3) {
            String address = ctx.argLatin1(2);
            for (ClientSession client : ctx.node().clients().sessions()) {
                if (client.remoteAddress().equals(address)) {
                    close(client, caller);
                    return Reply.ok();
                }
            }
            throw new CommandException("ERR No such client");
        }
        ClientKillFilter filter = ClientKillFilter.parse(ctx);
        long now = System.currentTimeMillis();
        List<ClientSession> victims = new ArrayList<>();
        for (ClientSession client : ctx.node().clients().sessions()) {
            if (filter.matches(client, caller, now)) {
                victims.add(client);
            }
        }
        victims.forEach(client -> close(client, caller));
        return Reply.integer(victims.size());
    }

    private static void close(ClientSession client, ClientSession caller) {
        if (client == caller) {
            client.closeAfterReply();
        } else {
            client.close();
        }
    }

    private static Reply pause(CommandContext ctx) {
        long timeout = RedisNumbers.parseLong(ctx.arg(2))
                .orElseThrow(() -> new CommandException("ERR timeout is not an integer or out of range"));
        if (timeout < 0) {
            throw new CommandException("ERR timeout is negative");
        }
        ClientPause.Mode mode = ClientPause.Mode.ALL;
        if (ctx.argc() == 4) {
            if (ctx.argIs(3, "WRITE")) {
                mode = ClientPause.Mode.WRITE;
            } else if (!ctx.argIs(3, "ALL")) {
                throw new CommandException("ERR CLIENT PAUSE mode must be WRITE or ALL");
            }
        } else if (ctx.argc() > 4) {
            throw CommandException.syntaxError();
        }
        ctx.activity().pause.pause(mode, timeout, ctx.node().eventLoop());
        return Reply.ok();
    }

    private static Reply reply(CommandContext ctx) {
        if (ctx.argIs(2, "ON")) {
            ctx.session().controls().setRepliesOff(false);
            return Reply.ok();
        } else if (ctx.argIs(2, "OFF")) {
            ctx.session().controls().setRepliesOff(true);
            return null;
        } else if (ctx.argIs(2, "SKIP")) {
            ctx.session().controls().skipNextReply();
            return null;
        }
        throw CommandException.syntaxError();
    }

    private static Reply unblock(CommandContext ctx) {
        long id = ctx.longArg(2);
        boolean error = false;
        if (ctx.argc() == 4) {
            if (ctx.argIs(3, "ERROR")) {
                error = true;
            } else if (!ctx.argIs(3, "TIMEOUT")) {
                throw new CommandException("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
            }
        } else if (ctx.argc() > 4) {
            throw CommandException.syntaxError();
        }
        ClientSession target = ctx.node().clients().find(id).orElse(null);
        ClientUnblocker unblocker = ctx.node().service(ClientUnblocker.class).orElse(null);
        boolean unblocked = target != null && unblocker != null && unblocker.unblock(target, error);
        return Reply.integer(unblocked ? 1 : 0);
    }

    private static Reply tracking(CommandContext ctx) {
        boolean on = onOff(ctx, 2);
        boolean bcast = false;
        boolean optIn = false;
        boolean optOut = false;
        boolean prefixes = false;
        for (int i = 3; i < ctx.argc(); i++) {
            int more = ctx.argc() - 1 - i;
            if (ctx.argIs(i, "REDIRECT") && more >= 1) {
                long id = ctx.longArg(++i);
                if (ctx.node().clients().find(id).isEmpty()) {
                    throw new CommandException("ERR The client ID you want redirect to does not exist");
                }
            } else if (ctx.argIs(i, "BCAST")) {
                bcast = true;
            } else if (ctx.argIs(i, "OPTIN")) {
                optIn = true;
            } else if (ctx.argIs(i, "OPTOUT")) {
                optOut = true;
            } else if (ctx.argIs(i, "NOLOOP")) {
                continue;
            } else if (ctx.argIs(i, "PREFIX") && more >= 1) {
                prefixes = true;
                i++;
            } else {
                throw CommandException.syntaxError();
            }
        }
        if (!on) {
            return Reply.ok();
        }
        if (optIn && optOut) {
            throw new CommandException("ERR You can't specify both OPTIN mode and OPTOUT mode");
        }
        if (bcast && (optIn || optOut)) {
            throw new CommandException("ERR OPTIN and OPTOUT are not compatible with BCAST");
        }
        if (prefixes && !bcast) {
            throw new CommandException("ERR PREFIX option requires BCAST mode to be enabled");
        }
        throw new CommandException(TRACKING_UNSUPPORTED);
    }

    private static boolean onOff(CommandContext ctx, int index) {
        if (ctx.argIs(index, "ON")) {
            return true;
        } else if (ctx.argIs(index, "OFF")) {
            return false;
        }
        throw CommandException.syntaxError();
    }
}

package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT KILL, PAUSE, UNPAUSE, REPLY, NO-EVICT and UNBLOCK with Redis 7.0's replies and errors. CLIENT TRACKING,
 * CACHING, GETREDIR and TRACKINGINFO belong to client-side caching ({@code io.slotwise.sim.tracking}).
 */
final class ClientAdminCommands {
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

    private static boolean onOff(CommandContext ctx, int index) {
        if (ctx.argIs(index, "ON")) {
            return true;
        } else if (ctx.argIs(index, "OFF")) {
            return false;
        }
        throw CommandException.syntaxError();
    }
}

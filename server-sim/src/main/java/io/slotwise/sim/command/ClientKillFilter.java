package io.slotwise.sim.command;

import io.slotwise.sim.server.ClientSession;
import java.util.Set;

/**
 * The filters of CLIENT KILL's new form (ID, TYPE, USER, ADDR, LADDR, SKIPME, MAXAGE), parsed with Redis 7.0's errors.
 * Every client of the simulator is of type {@code normal}.
 */
final class ClientKillFilter {
    private static final Set<String> TYPES = Set.of("normal", "master", "replica", "slave", "pubsub");

    private long id;
    private String type;
    private String user;
    private String address;
    private String localAddress;
    private boolean skipMe = true;
    private long maxAgeSeconds;

    private ClientKillFilter() {}

    /**
     * Parses the filters after {@code CLIENT KILL}.
     *
     * @param ctx the invocation; filters start at argument 2
     * @return the filter
     * @throws CommandException with Redis's error for a bad filter
     */
    static ClientKillFilter parse(CommandContext ctx) {
        if (ctx.argc() % 2 != 0) {
            throw CommandException.syntaxError();
        }
        ClientKillFilter filter = new ClientKillFilter();
        for (int i = 2; i < ctx.argc(); i += 2) {
            if (ctx.argIs(i, "ID")) {
                filter.id = RedisNumbers.parseLong(ctx.arg(i + 1)).orElse(0);
                if (filter.id <= 0) {
                    throw new CommandException("ERR client-id should be greater than 0");
                }
            } else if (ctx.argIs(i, "TYPE")) {
                String type = ctx.argLatin1(i + 1).toLowerCase(java.util.Locale.ROOT);
                if (!TYPES.contains(type)) {
                    throw CommandException.echoing("ERR Unknown client type '" + ctx.argLatin1(i + 1) + "'");
                }
                filter.type = type;
            } else if (ctx.argIs(i, "USER")) {
                String user = ctx.argLatin1(i + 1);
                if (ctx.activity().users.find(user, ctx.node().config()).isEmpty()) {
                    throw CommandException.echoing("ERR No such user '" + user + "'");
                }
                filter.user = user;
            } else if (ctx.argIs(i, "ADDR")) {
                filter.address = ctx.argLatin1(i + 1);
            } else if (ctx.argIs(i, "LADDR")) {
                filter.localAddress = ctx.argLatin1(i + 1);
            } else if (ctx.argIs(i, "SKIPME")) {
                if (ctx.argIs(i + 1, "yes")) {
                    filter.skipMe = true;
                } else if (ctx.argIs(i + 1, "no")) {
                    filter.skipMe = false;
                } else {
                    throw CommandException.syntaxError();
                }
            } else if (ctx.argIs(i, "MAXAGE")) {
                filter.maxAgeSeconds =
                        RedisNumbers.parseLong(ctx.arg(i + 1)).orElseThrow(CommandException::syntaxError);
            } else {
                throw CommandException.syntaxError();
            }
        }
        return filter;
    }

    /**
     * Whether a client matches every given filter.
     *
     * @param client the candidate
     * @param caller the client that sent CLIENT KILL
     * @param nowMillis the current time
     * @return true if it is to be killed
     */
    boolean matches(ClientSession client, ClientSession caller, long nowMillis) {
        return (id == 0 || client.id() == id)
                && (type == null || type.equals("normal"))
                && (user == null || client.controls().user().equals(user))
                && (address == null || client.remoteAddress().equals(address))
                && (localAddress == null || client.localAddress().equals(localAddress))
                && (!skipMe || client != caller)
                && (maxAgeSeconds == 0 || (nowMillis - client.createdAtMillis()) / 1000 >= maxAgeSeconds);
    }
}

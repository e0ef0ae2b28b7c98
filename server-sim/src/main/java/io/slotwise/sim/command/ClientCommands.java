package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientInfoLine;
import io.slotwise.sim.server.ClientSession;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * CLIENT SETNAME, GETNAME, ID, LIST ([TYPE type] [ID id ...]), INFO and HELP, with Redis 7.0's replies; CLIENT LIST and
 * INFO answer verbatim text, one {@link ClientInfoLine} per client. HELP lists every CLIENT subcommand as Redis 7.0
 * does; the administrative ones are in {@link ClientAdminCommands}.
 */
public final class ClientCommands {
    private ClientCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        registry.register("client|setname", ctx -> {
            ctx.session().setName(validName(ctx.argString(2)));
            return Reply.ok();
        });
        registry.register(
                "client|getname",
                ctx -> ctx.session().name().isEmpty()
                        ? Reply.nullBulk()
                        : Reply.bulk(ctx.session().name()));
        registry.register("client|id", ctx -> Reply.integer(ctx.session().id()));
        registry.register("client|list", ClientCommands::list);
        registry.register(
                "client|info",
                ctx -> Reply.verbatimText(ClientInfoLine.format(ctx.session(), System.currentTimeMillis())));
        registry.register(
                "client|help",
                ctx -> HelpReply.of(
                        "CLIENT",
                        "CACHING (YES|NO)",
                        "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
                        "GETREDIR",
                        "    Return the client ID we are redirecting to when tracking is enabled.",
                        "GETNAME",
                        "    Return the name of the current connection.",
                        "ID",
                        "    Return the ID of the current connection.",
                        "INFO",
                        "    Return information about the current client connection.",
                        "KILL <ip:port>",
                        "    Kill connection made from <ip:port>.",
                        "KILL <option> <value> [<option> <value> [...]]",
                        "    Kill connections. Options are:",
                        "    * ADDR (<ip:port>|<unixsocket>:0)",
                        "      Kill connections made from the specified address",
                        "    * LADDR (<ip:port>|<unixsocket>:0)",
                        "      Kill connections made to specified local address",
                        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                        "      Kill connections by type.",
                        "    * USER <username>",
                        "      Kill connections authenticated by <username>.",
                        "    * SKIPME (YES|NO)",
                        "      Skip killing current connection (default: yes).",
                        "LIST [options ...]",
                        "    Return information about client connections. Options:",
                        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                        "      Return clients of specified type.",
                        "UNPAUSE",
                        "    Stop the current client pause, resuming traffic.",
                        "PAUSE <timeout> [WRITE|ALL]",
                        "    Suspend all, or just write, clients for <timeout> milliseconds.",
                        "REPLY (ON|OFF|SKIP)",
                        "    Control the replies sent to the current connection.",
                        "SETNAME <name>",
                        "    Assign the name <name> to the current connection.",
                        "UNBLOCK <clientid> [TIMEOUT|ERROR]",
                        "    Unblock the specified blocked client.",
                        "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
                        "         [OPTIN] [OPTOUT] [NOLOOP]",
                        "    Control server assisted client side caching.",
                        "TRACKINGINFO",
                        "    Report tracking status for the current connection.",
                        "NO-EVICT (ON|OFF)",
                        "    Protect current client connection from eviction."));
    }

    /**
     * Checks a client name as Redis does: printable ASCII without spaces (an empty name clears it).
     *
     * @param name the requested name
     * @return the name
     * @throws CommandException if it contains other characters
     */
    static String validName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '!' || c > '~') {
                throw new CommandException("ERR Client names cannot contain spaces, newlines or special characters.");
            }
        }
        return name;
    }

    private static Reply list(CommandContext ctx) {
        String type = null;
        Set<Long> ids = null;
        int i = 2;
        if (ctx.argc() == 4 && ctx.argIs(2, "TYPE")) {
            type = ctx.argString(3).toLowerCase(Locale.ROOT);
            if (!Set.of("normal", "master", "replica", "slave", "pubsub").contains(type)) {
                throw CommandException.echoing("ERR Unknown client type '" + ctx.argLatin1(3) + "'");
            }
            i = 4;
        } else if (ctx.argc() > 3 && ctx.argIs(2, "ID")) {
            ids = new LinkedHashSet<>();
            for (int j = 3; j < ctx.argc(); j++) {
                long id = RedisNumbers.parseLong(ctx.arg(j)).orElse(0);
                if (id <= 0) {
                    throw new CommandException("ERR Invalid client ID");
                }
                ids.add(id);
            }
            i = ctx.argc();
        }
        if (i != ctx.argc()) {
            throw CommandException.syntaxError();
        }
        long now = System.currentTimeMillis();
        StringBuilder text = new StringBuilder();
        for (ClientSession session : ctx.node().clients().sessions()) {
            boolean typeMatches = type == null || type.equals("normal");
            if (typeMatches && (ids == null || ids.contains(session.id()))) {
                text.append(ClientInfoLine.format(session, now));
            }
        }
        return Reply.verbatimText(text.toString());
    }
}

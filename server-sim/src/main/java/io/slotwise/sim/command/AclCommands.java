package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * ACL for the simulator's {@linkplain AclUser all-or-nothing users}: WHOAMI, USERS, LIST, CAT, GETUSER, SETUSER,
 * DELUSER (which disconnects the deleted users' clients, as Redis does), GENPASS, LOG (always empty: denials are not
 * recorded), DRYRUN, SAVE and LOAD (Redis's error for a server without an ACL file) and HELP.
 */
final class AclCommands {
    private static final List<String> CATEGORIES = List.of(
            "keyspace",
            "read",
            "write",
            "set",
            "sortedset",
            "list",
            "hash",
            "string",
            "bitmap",
            "hyperloglog",
            "geo",
            "stream",
            "pubsub",
            "admin",
            "fast",
            "slow",
            "blocking",
            "dangerous",
            "connection",
            "transaction",
            "scripting");
    private static final String NO_ACL_FILE = "ERR This Redis instance is not configured to use an ACL file. You may"
            + " want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a"
            + " Redis configuration file set) in order to store users in the Redis configuration.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AclCommands() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    static void register(CommandRegistry registry) {
        registry.register(
                "acl|whoami", ctx -> Reply.bulk(ctx.session().controls().user()));
        registry.register("acl|users", ctx -> {
            List<Reply> names = new ArrayList<>();
            ctx.activity().users.all(ctx.node().config()).forEach(user -> names.add(latin1Bulk(user.name())));
            return new Reply.Array(names);
        });
        registry.register("acl|list", ctx -> {
            List<Reply> lines = new ArrayList<>();
            ctx.activity().users.all(ctx.node().config()).forEach(user -> lines.add(latin1Bulk(user.describe())));
            return new Reply.Array(lines);
        });
        registry.register("acl|cat", AclCommands::cat);
        registry.register("acl|getuser", AclCommands::getUser);
        registry.register("acl|setuser", AclCommands::setUser);
        registry.register("acl|deluser", AclCommands::delUser);
        registry.register("acl|genpass", AclCommands::genPass);
        registry.register("acl|log", ctx -> {
            if (ctx.argc() > 3) {
                throw CommandException.syntaxError();
            }
            if (ctx.argc() == 3 && ctx.argIs(2, "RESET")) {
                return Reply.ok();
            }
            if (ctx.argc() == 3) {
                ctx.longArg(2);
            }
            return Reply.array();
        });
        registry.register("acl|dryrun", AclCommands::dryRun);
        registry.register("acl|save", ctx -> {
            throw new CommandException(NO_ACL_FILE);
        });
        registry.register("acl|load", ctx -> {
            throw new CommandException(NO_ACL_FILE);
        });
        registry.register("acl|help", ctx -> HelpReply.of("ACL", AclHelp.LINES));
    }

    private static Reply cat(CommandContext ctx) {
        if (ctx.argc() == 2) {
            return new Reply.Array(
                    CATEGORIES.stream().map(c -> (Reply) Reply.bulk(c)).toList());
        }
        String category = ctx.argLatin1(2).toLowerCase(java.util.Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            throw CommandException.echoing("ERR Unknown category '" + ctx.argLatin1(2) + "'");
        }
        List<Reply> names = new ArrayList<>();
        for (CommandSpec spec : ctx.node().commandTable().commands()) {
            if (spec.aclCategories().contains(category)) {
                names.add(Reply.bulk(spec.name()));
            }
            for (CommandSpec sub : spec.subcommands().values()) {
                if (sub.aclCategories().contains(category)) {
                    names.add(Reply.bulk(sub.name()));
                }
            }
        }
        return new Reply.Array(names);
    }

    private static Reply getUser(CommandContext ctx) {
        AclUser user =
                ctx.activity().users.find(ctx.argLatin1(2), ctx.node().config()).orElse(null);
        if (user == null) {
            return Reply.nullBulk();
        }
        List<Reply> flags = new ArrayList<>();
        user.flags().forEach(flag -> flags.add(Reply.bulk(flag)));
        List<Reply> passwords = new ArrayList<>();
        user.passwordHashes().forEach(hash -> passwords.add(Reply.bulk(hash)));
        return Reply.map(
                Reply.entry(Reply.bulk("flags"), new Reply.Set(flags)),
                Reply.entry(Reply.bulk("passwords"), new Reply.Array(passwords)),
                Reply.entry(Reply.bulk("commands"), Reply.bulk(user.allCommands() ? "+@all" : "-@all")),
                Reply.entry(Reply.bulk("keys"), Reply.bulk(user.allKeys() ? "~*" : "")),
                Reply.entry(Reply.bulk("channels"), Reply.bulk(user.allChannels() ? "&*" : "")),
                Reply.entry(Reply.bulk("selectors"), Reply.array()));
    }

    private static Reply setUser(CommandContext ctx) {
        String name = ctx.argLatin1(2);
        if (name.equals("default")) {
            throw new CommandException("ERR the Slotwise simulator derives the 'default' user from requirepass:"
                    + " use CONFIG SET requirepass to change it");
        }
        AclUsers users = ctx.activity().users;
        AclUser user = users.find(name, ctx.node().config()).map(AclUser::copy).orElseGet(() -> new AclUser(name));
        for (int i = 3; i < ctx.argc(); i++) {
            try {
                user.apply(ctx.arg(i));
            } catch (IllegalArgumentException e) {
                throw CommandException.echoing(
                        "ERR Error in ACL SETUSER modifier '" + ctx.argLatin1(i) + "': " + e.getMessage());
            } catch (UnsupportedOperationException e) {
                throw CommandException.echoing("ERR Error in ACL SETUSER modifier '" + ctx.argLatin1(i)
                        + "': the Slotwise simulator supports only all-or-nothing permissions (+@all or -@all, ~*,"
                        + " &*)");
            }
        }
        users.put(user);
        return Reply.ok();
    }

    private static Reply delUser(CommandContext ctx) {
        AclUsers users = ctx.activity().users;
        int deleted = 0;
        for (int i = 2; i < ctx.argc(); i++) {
            if (ctx.argLatin1(i).equals("default")) {
                throw new CommandException("ERR The 'default' user cannot be removed");
            }
        }
        for (int i = 2; i < ctx.argc(); i++) {
            String name = ctx.argLatin1(i);
            if (users.remove(name)) {
                deleted++;
                for (ClientSession client : List.copyOf(ctx.node().clients().sessions())) {
                    if (client.controls().user().equals(name)) {
                        if (client == ctx.session()) {
                            client.closeAfterReply();
                        } else {
                            client.close();
                        }
                    }
                }
            }
        }
        return Reply.integer(deleted);
    }

    private static Reply genPass(CommandContext ctx) {
        long bits = 256;
        if (ctx.argc() == 3) {
            bits = ctx.longArg(2);
            if (bits <= 0 || bits > 4096) {
                throw new CommandException("ERR ACL GENPASS argument must be the number of bits for the output"
                        + " password, a positive number up to 4096");
            }
        } else if (ctx.argc() > 3) {
            throw CommandException.syntaxError();
        }
        int chars = (int) ((bits + 3) / 4);
        byte[] random = new byte[(chars + 1) / 2];
        RANDOM.nextBytes(random);
        return Reply.bulk(HexFormat.of().formatHex(random).substring(0, chars));
    }

    private static Reply dryRun(CommandContext ctx) {
        String name = ctx.argLatin1(2);
        AclUser user = ctx.activity().users.find(name, ctx.node().config()).orElse(null);
        if (user == null) {
            throw CommandException.echoing("ERR User '" + name + "' not found");
        }
        List<byte[]> command = ctx.request().args().subList(3, ctx.argc());
        CommandSpec spec = ctx.node().commandTable().command(ctx.argLatin1(3));
        if (spec != null && spec.isContainer() && command.size() >= 2) {
            spec = spec.subcommands().get(ctx.argLatin1(4).toLowerCase(java.util.Locale.ROOT));
        }
        if (spec == null) {
            throw CommandException.echoing("ERR Command '" + ctx.argLatin1(3) + "' not found");
        }
        if (!spec.acceptsArgumentCount(command.size())) {
            throw new CommandException("ERR wrong number of arguments for '" + spec.name() + "' command");
        }
        Invocation invocation = new Invocation(spec, io.slotwise.sim.protocol.Request.of(command));
        return AclPermissions.dryRun(user, invocation)
                .<Reply>map(AclCommands::latin1Bulk)
                .orElseGet(Reply::ok);
    }

    private static Reply.Bulk latin1Bulk(String text) {
        return Reply.bulk(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

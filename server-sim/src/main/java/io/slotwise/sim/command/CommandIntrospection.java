package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * COMMAND and its subcommands COUNT, INFO, DOCS, GETKEYS, GETKEYSANDFLAGS, LIST and HELP, answered from the node's
 * {@link CommandTable} (see {@link CommandInfoReplies} for the layouts) and, for the key flags, Redis 7.0's key specs
 * ({@link KeysAndFlags}). Commands are named as the table spells them; {@code container|sub} names a subcommand.
 */
public final class CommandIntrospection {
    private CommandIntrospection() {}

    /**
     * Registers the family.
     *
     * @param registry the node's registry
     */
    public static void register(CommandRegistry registry) {
        registry.register("command", ctx -> infos(ctx, 1));
        registry.register("command|info", ctx -> infos(ctx, 2));
        registry.register(
                "command|count", ctx -> Reply.integer(table(ctx).commands().size()));
        registry.register("command|docs", CommandIntrospection::docs);
        registry.register("command|getkeys", ctx -> getKeys(ctx, false));
        registry.register("command|getkeysandflags", ctx -> getKeys(ctx, true));
        registry.register("command|list", CommandIntrospection::list);
        registry.register(
                "command|help",
                ctx -> HelpReply.of(
                        "COMMAND",
                        "(no subcommand)",
                        "    Return details about all Redis commands.",
                        "COUNT",
                        "    Return the total number of commands in this Redis server.",
                        "LIST",
                        "    Return a list of all commands in this Redis server.",
                        "INFO [<command-name> ...]",
                        "    Return details about multiple Redis commands.",
                        "    If no command names are given, documentation details for all",
                        "    commands are returned.",
                        "DOCS [<command-name> ...]",
                        "    Return documentation details about multiple Redis commands.",
                        "    If no command names are given, documentation details for all",
                        "    commands are returned.",
                        "GETKEYS <full-command>",
                        "    Return the keys from a full Redis command.",
                        "GETKEYSANDFLAGS <full-command>",
                        "    Return the keys and the access flags from a full Redis command."));
    }

    private static Reply infos(CommandContext ctx, int firstName) {
        List<Reply> infos = new ArrayList<>();
        if (ctx.argc() == firstName) {
            table(ctx).commands().forEach(spec -> infos.add(CommandInfoReplies.info(spec)));
        } else {
            for (int i = firstName; i < ctx.argc(); i++) {
                CommandSpec spec = byFullName(table(ctx), ctx.argString(i));
                infos.add(spec == null ? Reply.nullBulk() : CommandInfoReplies.info(spec));
            }
        }
        return new Reply.Array(infos);
    }

    private static Reply docs(CommandContext ctx) {
        List<Reply.Entry> entries = new ArrayList<>();
        if (ctx.argc() == 2) {
            table(ctx).commands().forEach(spec -> entries.add(docEntry(spec)));
        } else {
            for (int i = 2; i < ctx.argc(); i++) {
                CommandSpec spec = byFullName(table(ctx), ctx.argString(i));
                if (spec != null) {
                    entries.add(docEntry(spec));
                }
            }
        }
        return new Reply.Map(entries);
    }

    private static Reply.Entry docEntry(CommandSpec spec) {
        return Reply.entry(Reply.bulk(spec.name()), CommandInfoReplies.docs(spec));
    }

    private static Reply getKeys(CommandContext ctx, boolean withFlags) {
        List<byte[]> command = ctx.request().args().subList(2, ctx.argc());
        CommandSpec spec = table(ctx).command(ctx.argString(2));
        if (spec != null && spec.isContainer() && command.size() >= 2) {
            spec = spec.subcommands().get(ctx.argString(3).toLowerCase(Locale.ROOT));
        }
        if (spec == null) {
            throw new CommandException("ERR Invalid command specified");
        }
        if (spec.firstKey() <= 0 && !spec.has(CommandFlag.MOVABLEKEYS)) {
            throw new CommandException("ERR The command has no key arguments");
        }
        if (!spec.acceptsArgumentCount(command.size())) {
            throw new CommandException("ERR Invalid number of arguments specified for command");
        }
        List<KeysAndFlags.Found> found;
        if (withFlags) {
            found = KeysAndFlags.find(spec, command);
        } else {
            found = new ArrayList<>();
            for (int index : spec.keyIndexes(command)) {
                found.add(new KeysAndFlags.Found(index, List.of()));
            }
        }
        if (found.isEmpty() && !spec.has(CommandFlag.NO_MANDATORY_KEYS)) {
            throw new CommandException("ERR Invalid arguments specified for command");
        }
        List<Reply> keys = new ArrayList<>();
        for (KeysAndFlags.Found key : found) {
            Reply name = Reply.bulk(command.get(key.index()).clone());
            if (withFlags) {
                List<Reply> flags = new ArrayList<>();
                key.flags().forEach(flag -> flags.add(Reply.simple(flag)));
                keys.add(Reply.array(name, new Reply.Set(flags)));
            } else {
                keys.add(name);
            }
        }
        return new Reply.Array(keys);
    }

    private static Reply list(CommandContext ctx) {
        Predicate<CommandSpec> filter = listFilter(ctx);
        List<Reply> names = new ArrayList<>();
        for (CommandSpec spec : table(ctx).commands()) {
            addIfMatching(spec, filter, names);
            spec.subcommands().values().forEach(sub -> addIfMatching(sub, filter, names));
        }
        return new Reply.Array(names);
    }

    private static Predicate<CommandSpec> listFilter(CommandContext ctx) {
        Predicate<CommandSpec> filter = spec -> true;
        if (ctx.argc() == 5 && ctx.argIs(2, "FILTERBY")) {
            String value = ctx.argString(4);
            if (ctx.argIs(3, "ACLCAT")) {
                filter = spec -> spec.aclCategories().contains(value.toLowerCase(Locale.ROOT));
            } else if (ctx.argIs(3, "PATTERN")) {
                GlobPattern pattern = GlobPattern.of(ctx.arg(4), true);
                filter = spec -> pattern.matches(spec.name());
            } else if (ctx.argIs(3, "MODULE")) {
                filter = spec -> false;
            } else {
                throw CommandException.syntaxError();
            }
        } else if (ctx.argc() != 2) {
            throw CommandException.syntaxError();
        }
        return filter;
    }

    private static void addIfMatching(CommandSpec spec, Predicate<CommandSpec> filter, List<Reply> names) {
        if (filter.test(spec)) {
            names.add(Reply.bulk(spec.name()));
        }
    }

    private static CommandSpec byFullName(CommandTable table, String fullName) {
        String name = fullName.toLowerCase(Locale.ROOT);
        int bar = name.indexOf('|');
        CommandSpec top = table.command(bar < 0 ? name : name.substring(0, bar));
        return top == null || bar < 0 ? top : top.subcommands().get(name.substring(bar + 1));
    }

    private static CommandTable table(CommandContext ctx) {
        return ctx.node().commandTable();
    }
}

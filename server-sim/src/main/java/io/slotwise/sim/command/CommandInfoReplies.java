package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders command metadata as COMMAND INFO and COMMAND DOCS answer it.
 *
 * <p>INFO uses Redis 7.0's 10-field layout: name, arity, flags (set), first key, last key, step, ACL categories (set,
 * with {@code @}), tips (set), key specifications (set), subcommands (set of the same layout). The simulator's table
 * has no tips and no key specifications, so those sets are empty; clients route with the first/last/step fields.
 *
 * <p>DOCS answers a minimal map per command: {@code summary} and {@code since} empty, {@code group} derived from the
 * command's name and ACL categories, and {@code subcommands} for containers; no arguments or history. Stateless.
 */
final class CommandInfoReplies {
    private CommandInfoReplies() {}

    /** Returns the 10-field COMMAND INFO entry of a command or subcommand. */
    static Reply info(CommandSpec spec) {
        List<Reply> flags = new ArrayList<>();
        for (CommandFlag flag : CommandFlag.values()) {
            if (spec.has(flag)) {
                flags.add(Reply.simple(flag.wireName()));
            }
        }
        List<Reply> categories = new ArrayList<>();
        for (String category : spec.aclCategories()) {
            categories.add(Reply.simple("@" + category));
        }
        List<Reply> subcommands = new ArrayList<>();
        for (CommandSpec subcommand : spec.subcommands().values()) {
            subcommands.add(info(subcommand));
        }
        return Reply.array(
                Reply.bulk(spec.name()),
                Reply.integer(spec.arity()),
                new Reply.Set(flags),
                Reply.integer(spec.firstKey()),
                Reply.integer(spec.lastKey()),
                Reply.integer(spec.keyStep()),
                new Reply.Set(categories),
                Reply.set(),
                Reply.set(),
                new Reply.Set(subcommands));
    }

    /** Returns the COMMAND DOCS map of a command or subcommand. */
    static Reply docs(CommandSpec spec) {
        List<Reply.Entry> entries = new ArrayList<>();
        entries.add(Reply.entry(Reply.bulk("summary"), Reply.bulk("")));
        entries.add(Reply.entry(Reply.bulk("since"), Reply.bulk("")));
        entries.add(Reply.entry(Reply.bulk("group"), Reply.bulk(group(spec))));
        if (spec.isContainer()) {
            List<Reply.Entry> subcommands = new ArrayList<>();
            for (CommandSpec subcommand : spec.subcommands().values()) {
                subcommands.add(Reply.entry(Reply.bulk(subcommand.name()), docs(subcommand)));
            }
            entries.add(Reply.entry(Reply.bulk("subcommands"), new Reply.Map(subcommands)));
        }
        return new Reply.Map(entries);
    }

    private static String group(CommandSpec spec) {
        String name = spec.name();
        if (name.startsWith("cluster")
                || List.of("asking", "readonly", "readwrite").contains(name)) {
            return "cluster";
        }
        List<String> categories = new ArrayList<>(spec.aclCategories());
        spec.subcommands().values().forEach(sub -> categories.addAll(sub.aclCategories()));
        for (String[] mapping : new String[][] {
            {"string", "string"},
            {"hash", "hash"},
            {"list", "list"},
            {"set", "set"},
            {"sortedset", "sorted-set"},
            {"transaction", "transactions"},
            {"scripting", "scripting"},
            {"pubsub", "pubsub"},
            {"connection", "connection"},
            {"keyspace", "generic"}
        }) {
            if (categories.contains(mapping[0])) {
                return mapping[1];
            }
        }
        return "server";
    }
}

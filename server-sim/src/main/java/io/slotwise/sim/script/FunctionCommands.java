package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.keyspace.GlobMatcher;
import io.slotwise.sim.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * FUNCTION LOAD, DELETE, FLUSH, LIST, STATS, DUMP, RESTORE, KILL and HELP, and FCALL and FCALL_RO, with Redis 7.0's
 * replies and errors. FUNCTION DUMP of no libraries answers exactly Redis's payload, which redis-cli {@code --cluster
 * add-node} copies to a new node.
 */
final class FunctionCommands {
    private FunctionCommands() {}

    static void register(CommandRegistry registry, ScriptEngine engine) {
        FunctionLibraries libraries = engine.functions();
        registry.registerAsync("fcall", ctx -> fcall(libraries, ctx, false));
        registry.registerAsync("fcall_ro", ctx -> fcall(libraries, ctx, true));
        registry.register("function|load", ctx -> {
            boolean replace = false;
            int i = 2;
            for (; i < ctx.argc() - 1; i++) {
                if (ctx.argIs(i, "REPLACE")) {
                    replace = true;
                } else {
                    throw new CommandException("ERR Unknown option given: " + ctx.argString(i));
                }
            }
            if (i >= ctx.argc()) {
                throw new CommandException("ERR Function code is missing");
            }
            return Reply.bulk(libraries.load(ctx.arg(i), replace));
        });
        registry.register("function|delete", ctx -> {
            if (!libraries.delete(ctx.argString(2))) {
                throw new CommandException("ERR Library not found");
            }
            return Reply.ok();
        });
        registry.register("function|flush", ctx -> {
            if (ctx.argc() > 3 || ctx.argc() == 3 && !ctx.argIs(2, "ASYNC") && !ctx.argIs(2, "SYNC")) {
                throw new CommandException("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
            }
            libraries.flush();
            return Reply.ok();
        });
        registry.register("function|kill", ctx -> ScriptKill.kill(engine, false));
        registry.register("function|list", ctx -> list(libraries, ctx));
        registry.register(
                "function|stats",
                ctx -> Reply.map(
                        Reply.entry(Reply.bulk("running_script"), ScriptKill.runningScript(engine)),
                        Reply.entry(
                                Reply.bulk("engines"),
                                Reply.map(Reply.entry(
                                        Reply.bulk("LUA"),
                                        Reply.map(
                                                Reply.entry(
                                                        Reply.bulk("libraries_count"),
                                                        Reply.integer(libraries
                                                                .libraries()
                                                                .size())),
                                                Reply.entry(
                                                        Reply.bulk("functions_count"),
                                                        Reply.integer(libraries.functionCount()))))))));
        registry.register("function|dump", ctx -> Reply.bulk(FunctionDump.dump(libraries.libraries())));
        registry.register("function|restore", ctx -> restore(libraries, ctx));
        registry.register("function|help", ctx -> HelpText.reply("FUNCTION", FunctionHelp.LINES));
    }

    private static CompletionStage<Reply> fcall(FunctionLibraries libraries, CommandContext ctx, boolean readOnly) {
        int numKeys = ScriptCommands.numKeys(ctx);
        return libraries.call(
                ctx, ctx.argString(1), ScriptCommands.keys(ctx, numKeys), ScriptCommands.args(ctx, numKeys), readOnly);
    }

    private static Reply list(FunctionLibraries libraries, CommandContext ctx) {
        boolean withCode = false;
        byte[] pattern = null;
        for (int i = 2; i < ctx.argc(); i++) {
            if (!withCode && ctx.argIs(i, "WITHCODE")) {
                withCode = true;
            } else if (pattern == null && ctx.argIs(i, "LIBRARYNAME")) {
                if (i >= ctx.argc() - 1) {
                    throw new CommandException("ERR library name argument was not given");
                }
                pattern = ctx.arg(++i);
            } else {
                throw new CommandException("ERR Unknown argument " + ctx.argString(i));
            }
        }
        List<Reply> result = new ArrayList<>();
        for (FunctionLibrary library : libraries.libraries()) {
            if (pattern != null && !GlobMatcher.matches(pattern, library.name().getBytes(StandardCharsets.UTF_8))) {
                continue;
            }
            List<Reply> functions = new ArrayList<>();
            for (FunctionLibrary.Function function : library.functions().values()) {
                List<Reply> flags = new ArrayList<>();
                function.flagNames().forEach(flag -> flags.add(Reply.simple(flag)));
                functions.add(Reply.map(
                        Reply.entry(Reply.bulk("name"), Reply.bulk(function.name())),
                        Reply.entry(
                                Reply.bulk("description"),
                                function.description() == null
                                        ? Reply.nullBulk()
                                        : Reply.bulk(LuaReplies.bytes(function.description()))),
                        Reply.entry(Reply.bulk("flags"), new Reply.Set(flags))));
            }
            List<Reply.Entry> entries = new ArrayList<>();
            entries.add(Reply.entry(Reply.bulk("library_name"), Reply.bulk(library.name())));
            entries.add(Reply.entry(Reply.bulk("engine"), Reply.bulk("LUA")));
            entries.add(Reply.entry(Reply.bulk("functions"), new Reply.Array(functions)));
            if (withCode) {
                entries.add(Reply.entry(
                        Reply.bulk("library_code"), Reply.bulk(library.code().clone())));
            }
            result.add(new Reply.Map(entries));
        }
        return new Reply.Array(result);
    }

    private static Reply restore(FunctionLibraries libraries, CommandContext ctx) {
        if (ctx.argc() > 4) {
            throw new CommandException("ERR syntax error");
        }
        String policy = ctx.argc() == 4 ? ctx.argString(3).toUpperCase(java.util.Locale.ROOT) : "APPEND";
        if (!policy.equals("FLUSH") && !policy.equals("APPEND") && !policy.equals("REPLACE")) {
            throw new CommandException(
                    "ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
        }
        List<byte[]> codes = FunctionDump.read(ctx.arg(2));
        libraries.restore(codes, policy);
        return Reply.ok();
    }
}

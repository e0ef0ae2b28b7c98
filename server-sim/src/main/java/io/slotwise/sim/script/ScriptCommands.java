package io.slotwise.sim.script;

import io.slotwise.sim.NodeSetup;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.command.ScriptGate;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Registers scripting on a node: EVAL, EVALSHA, EVAL_RO, EVALSHA_RO, the SCRIPT subcommands, FCALL, FCALL_RO and the
 * FUNCTION subcommands (see {@link FunctionCommands}), all sharing one {@link ScriptEngine} per node. Provides the
 * node's {@link ScriptGate} and kills a running script when the node closes.
 */
public final class ScriptCommands {
    private ScriptCommands() {}

    /**
     * Installs scripting into a node being set up.
     *
     * @param setup the node
     */
    public static void register(NodeSetup setup) {
        CommandRegistry registry = setup.commands();
        ScriptGate gate = new ScriptGate(setup.eventLoop());
        setup.provide(ScriptGate.class, gate);
        ScriptEngine engine = new ScriptEngine(registry, gate);
        setup.onClose(engine::close);
        registry.registerAsync("eval", ctx -> eval(engine, ctx, false));
        registry.registerAsync("eval_ro", ctx -> eval(engine, ctx, true));
        registry.registerAsync("evalsha", ctx -> evalSha(engine, ctx, false));
        registry.registerAsync("evalsha_ro", ctx -> evalSha(engine, ctx, true));
        registry.register("script|load", ctx -> Reply.bulk(engine.load(ctx.arg(2))));
        registry.register("script|exists", ctx -> {
            List<Reply> answers = new ArrayList<>();
            for (int i = 2; i < ctx.argc(); i++) {
                answers.add(Reply.integer(engine.exists(ctx.argString(i)) ? 1 : 0));
            }
            return new Reply.Array(answers);
        });
        registry.register("script|flush", ctx -> {
            if (ctx.argc() > 3 || ctx.argc() == 3 && !ctx.argIs(2, "ASYNC") && !ctx.argIs(2, "SYNC")) {
                throw new CommandException("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
            }
            engine.flush();
            return Reply.ok();
        });
        registry.register("script|kill", ctx -> ScriptKill.kill(engine, true));
        registry.register(
                "script|help",
                ctx -> HelpText.reply(
                        "SCRIPT",
                        "DEBUG (YES|SYNC|NO)",
                        "    Set the debug mode for subsequent scripts executed.",
                        "EXISTS <sha1> [<sha1> ...]",
                        "    Return information about the existence of the scripts in the script cache.",
                        "FLUSH [ASYNC|SYNC]",
                        "    Flush the Lua scripts cache. Very dangerous on replicas.",
                        "    When called without the optional mode argument, the behavior is determined by the",
                        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
                        "    * ASYNC: Asynchronously flush the scripts cache.",
                        "    * SYNC: Synchronously flush the scripts cache.",
                        "KILL",
                        "    Kill the currently executing Lua script.",
                        "LOAD <script>",
                        "    Load a script into the scripts cache without executing it."));
        FunctionCommands.register(registry, engine);
    }

    private static CompletionStage<Reply> eval(ScriptEngine engine, CommandContext ctx, boolean readOnly) {
        int numKeys = numKeys(ctx);
        String sha = engine.load(ctx.arg(1));
        return engine.eval(ctx, sha, keys(ctx, numKeys), args(ctx, numKeys), readOnly);
    }

    private static CompletionStage<Reply> evalSha(ScriptEngine engine, CommandContext ctx, boolean readOnly) {
        int numKeys = numKeys(ctx);
        String sha = ctx.argString(1).toLowerCase(java.util.Locale.ROOT);
        return engine.eval(ctx, sha, keys(ctx, numKeys), args(ctx, numKeys), readOnly);
    }

    /** Parses {@code numkeys} (argument 2) as Redis does, with its errors. */
    static int numKeys(CommandContext ctx) {
        long n = ctx.longArg(2);
        if (n > ctx.argc() - 3) {
            throw new CommandException("ERR Number of keys can't be greater than number of args");
        }
        if (n < 0) {
            throw new CommandException("ERR Number of keys can't be negative");
        }
        return (int) n;
    }

    static List<byte[]> keys(CommandContext ctx, int numKeys) {
        List<byte[]> keys = new ArrayList<>(numKeys);
        for (int i = 0; i < numKeys; i++) {
            keys.add(ctx.arg(3 + i));
        }
        return keys;
    }

    static List<byte[]> args(CommandContext ctx, int numKeys) {
        List<byte[]> args = new ArrayList<>();
        for (int i = 3 + numKeys; i < ctx.argc(); i++) {
            args.add(ctx.arg(i));
        }
        return args;
    }
}

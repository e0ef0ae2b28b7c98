package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.command.ScriptGate;
import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.script.lua.LuaError;
import io.slotwise.sim.script.lua.LuaFunction;
import io.slotwise.sim.script.lua.LuaRuntime;
import io.slotwise.sim.script.lua.LuaTable;
import io.slotwise.sim.script.lua.LuaValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A node's scripting state: the Lua state of EVAL scripts with its cache of compiled scripts by SHA-1, the Lua state of
 * function libraries, and the script running now. Scripts run through its {@link ScriptExecution}.
 *
 * <p>Confined to the node's event loop, except that a running script's thread reads {@link #current()}.
 */
final class ScriptEngine {

    private record CachedScript(LuaFunction function, ScriptFlags flags) {}

    private final LuaRuntime evalRuntime = new LuaRuntime();
    private final Map<String, CachedScript> scripts = new HashMap<>();
    private final FunctionLibraries functions;
    private final ScriptExecution execution;

    ScriptEngine(CommandRegistry registry, ScriptGate gate) {
        execution = new ScriptExecution(gate);
        ScriptCommandCall calls = new ScriptCommandCall(registry);
        evalRuntime.globals().put("redis", RedisLibrary.create(evalRuntime, execution::current, calls));
        RedisLibrary.installRedisPcall(evalRuntime);
        evalRuntime.protectGlobals();
        functions = new FunctionLibraries(this, calls);
    }

    FunctionLibraries functions() {
        return functions;
    }

    /** Returns the script running now, or null. */
    ScriptRun current() {
        return execution.current();
    }

    /** Kills the running script and stops the script thread: the node is closing. */
    void close() {
        execution.close();
    }

    /** SCRIPT LOAD: compiles and caches a script; returns its SHA-1. */
    String load(byte[] body) {
        String sha = Sha1.hex(body);
        if (!scripts.containsKey(sha)) {
            String source = LuaReplies.latin1(body);
            ScriptFlags flags = ScriptFlags.ofEvalScript(source);
            try {
                scripts.put(sha, new CachedScript(evalRuntime.load(source, "user_script"), flags));
            } catch (LuaError e) {
                throw new CommandException(
                        "ERR Error compiling script (new function): " + LuaReplies.oneLine(String.valueOf(e.value())));
            }
        }
        return sha;
    }

    boolean exists(String sha) {
        return scripts.containsKey(sha.toLowerCase(java.util.Locale.ROOT));
    }

    void flush() {
        scripts.clear();
    }

    /**
     * EVAL and EVALSHA and their read-only forms.
     *
     * @param ctx the command
     * @param sha the script's SHA-1, already loaded
     * @param keys the declared keys
     * @param args the other arguments
     * @param readOnlyCommand whether the command is EVAL_RO or EVALSHA_RO
     * @return the reply, completed when the script ends
     */
    CompletionStage<Reply> eval(
            CommandContext ctx, String sha, List<byte[]> keys, List<byte[]> args, boolean readOnlyCommand) {
        CachedScript script = scripts.get(sha);
        if (script == null) {
            throw new CommandException("NOSCRIPT No matching script. Please use EVAL.");
        }
        checkFlags(ctx, script.flags(), readOnlyCommand);
        ScriptRun run = new ScriptRun(
                ctx,
                evalRuntime,
                sha,
                "@user_script",
                script.flags(),
                readOnlyCommand || script.flags().noWrites(),
                keys.isEmpty() ? -1 : KeySlot.of(keys.get(0)));
        evalRuntime.setGlobalRaw("KEYS", strings(keys));
        evalRuntime.setGlobalRaw("ARGV", strings(args));
        return run(run, script.function(), new Object[0]);
    }

    /** Rejects a script its flags forbid here, before it runs. */
    static void checkFlags(CommandContext ctx, ScriptFlags flags, boolean readOnlyCommand) {
        if (flags.legacy()) {
            return;
        }
        if (readOnlyCommand && !flags.noWrites()) {
            throw new CommandException("ERR Can not execute a script with write flag using *_ro command.");
        }
        if (flags.noCluster() && ctx.node().config().clusterEnabled()) {
            throw new CommandException("ERR Can not run script on cluster, 'no-cluster' flag is set.");
        }
    }

    static LuaTable strings(List<byte[]> values) {
        LuaTable table = new LuaTable();
        for (int i = 0; i < values.size(); i++) {
            table.put((double) (i + 1), LuaReplies.latin1(values.get(i)));
        }
        return table;
    }

    /** Runs a script's function to the reply of its command; see {@link ScriptExecution#run}. */
    CompletionStage<Reply> run(ScriptRun run, LuaFunction function, Object[] args) {
        return execution.run(run, function, args);
    }

    /** The text of an error value as Redis's error handler makes it: a table's {@code err}, or ERR and the text. */
    static String errorText(Object value) {
        if (value instanceof LuaTable table) {
            Object err = table.get("err");
            return err instanceof String s ? s : "ERR unknown error";
        }
        return "ERR " + (value instanceof String s ? s : LuaValues.display(value));
    }
}

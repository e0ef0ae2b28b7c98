package io.slotwise.sim.script;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.script.lua.LuaError;
import io.slotwise.sim.script.lua.LuaFunction;
import io.slotwise.sim.script.lua.LuaRuntime;
import io.slotwise.sim.script.lua.LuaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code redis} table scripts see: {@code call}, {@code pcall}, {@code error_reply}, {@code status_reply},
 * {@code sha1hex}, {@code log} with the {@code LOG_*} levels, {@code setresp}, {@code set_repl} with the
 * {@code REPL_*} values (accepted, without effect: writes always replicate as their effects),
 * {@code replicate_commands}, {@code breakpoint}, {@code debug} and the version fields. Errors read as Redis 7.0's.
 */
final class RedisLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLibrary.class);
    private static final String WRONG_ARGUMENTS = "ERR wrong number or type of arguments";

    private RedisLibrary() {}

    /**
     * Builds the table for a runtime.
     *
     * @param runtime the Lua state
     * @param current the running script, null while none runs (FUNCTION LOAD)
     * @param calls runs the commands
     * @return the table, to be stored as global {@code redis}
     */
    static LuaTable create(LuaRuntime runtime, Supplier<ScriptRun> current, ScriptCommandCall calls) {
        LuaTable redis = new LuaTable();
        redis.put("call", commandFunction(runtime, current, calls, true));
        redis.put("pcall", commandFunction(runtime, current, calls, false));
        redis.put("error_reply", (LuaFunction) args -> {
            if (args.length != 1 || !(args[0] instanceof String)) {
                return new Object[] {single("err", WRONG_ARGUMENTS)};
            }
            String text = (String) args[0];
            text = text.startsWith("-") ? text.substring(1) : text;
            return new Object[] {single("err", text.indexOf(' ') < 0 ? "ERR " + text : text)};
        });
        redis.put("status_reply", (LuaFunction) args -> {
            if (args.length != 1 || !(args[0] instanceof String)) {
                return new Object[] {single("err", WRONG_ARGUMENTS)};
            }
            return new Object[] {single("ok", args[0])};
        });
        redis.put("sha1hex", (LuaFunction) args -> {
            if (args.length != 1 || LuaReplies.argument(args[0]) == null) {
                throw raise(runtime, "wrong number of arguments");
            }
            return new Object[] {Sha1.hex(LuaReplies.argument(args[0]))};
        });
        redis.put("LOG_DEBUG", 0.0);
        redis.put("LOG_VERBOSE", 1.0);
        redis.put("LOG_NOTICE", 2.0);
        redis.put("LOG_WARNING", 3.0);
        redis.put("log", (LuaFunction) args -> {
            if (args.length < 2) {
                throw raise(runtime, "redis.log() requires two arguments or more.");
            }
            if (!(args[0] instanceof Double level) || level < 0 || level > 3) {
                throw raise(
                        runtime,
                        args[0] instanceof Double
                                ? "Invalid debug level."
                                : "First argument must be a number (log level).");
            }
            StringBuilder message = new StringBuilder();
            for (int i = 1; i < args.length; i++) {
                message.append(i > 1 ? " " : "").append(String.valueOf(args[i]));
            }
            LOG.info("script log: {}", message);
            return new Object[0];
        });
        redis.put("setresp", (LuaFunction) args -> {
            ScriptRun run = current.get();
            if (args.length != 1) {
                throw raise(runtime, "redis.setresp() requires one argument.");
            }
            if (!(args[0] instanceof Double version) || (version != 2 && version != 3)) {
                throw raise(runtime, "RESP version must be 2 or 3.");
            }
            if (run != null) {
                run.resp = version.intValue();
            }
            return new Object[0];
        });
        redis.put("REPL_NONE", 0.0);
        redis.put("REPL_AOF", 1.0);
        redis.put("REPL_SLAVE", 2.0);
        redis.put("REPL_REPLICA", 2.0);
        redis.put("REPL_ALL", 3.0);
        redis.put("set_repl", (LuaFunction) args -> {
            if (args.length != 1) {
                throw raise(runtime, "redis.set_repl() requires one argument.");
            }
            if (!(args[0] instanceof Double flags) || flags < 0 || flags > 3) {
                throw raise(runtime, "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
            }
            return new Object[0];
        });
        redis.put("replicate_commands", (LuaFunction) args -> new Object[] {Boolean.TRUE});
        redis.put("breakpoint", (LuaFunction) args -> new Object[] {Boolean.FALSE});
        redis.put("debug", (LuaFunction) args -> new Object[0]);
        redis.put("REDIS_VERSION", "7.0.15");
        redis.put("REDIS_VERSION_NUM", (double) 0x07000f);
        return redis;
    }

    /** Raises an error the way Redis's library functions do: an {@code {err=...}} table without position. */
    private static LuaError raise(LuaRuntime runtime, String message) {
        return new LuaError(single("err", "ERR " + message), runtime.currentLine());
    }

    /**
     * Replaces the global {@code pcall} by Redis 7.0's: an error table caught by it is handed to the script as its
     * {@code err} string, so {@code pcall(redis.call, ...)} yields the error text.
     *
     * @param runtime the Lua state, before its globals are protected
     */
    static void installRedisPcall(LuaRuntime runtime) {
        LuaFunction original = (LuaFunction) runtime.globals().get("pcall");
        runtime.globals().put("pcall", (LuaFunction) args -> {
            Object[] results = original.call(args);
            if (results.length > 1
                    && results[0] == Boolean.FALSE
                    && results[1] instanceof LuaTable table
                    && table.get("err") instanceof String err) {
                results[1] = err;
            }
            return results;
        });
    }

    static LuaTable single(String key, Object value) {
        LuaTable table = new LuaTable();
        table.put(key, value);
        return table;
    }

    private static LuaFunction commandFunction(
            LuaRuntime runtime, Supplier<ScriptRun> current, ScriptCommandCall calls, boolean raise) {
        return args -> {
            ScriptRun run = current.get();
            if (run == null) {
                throw runtime.error(
                        "Script attempted to access nonexistent global variable '" + (raise ? "call" : "pcall") + "'");
            }
            Reply reply;
            if (args.length == 0) {
                reply = Reply.error("ERR Please specify at least one argument for this redis lib call");
            } else {
                List<byte[]> command = new ArrayList<>(args.length);
                for (Object arg : args) {
                    byte[] bytes = LuaReplies.argument(arg);
                    if (bytes == null) {
                        command = null;
                        break;
                    }
                    command.add(bytes);
                }
                List<byte[]> checked = command;
                reply = checked == null
                        ? Reply.error("ERR Lua redis lib command arguments must be strings or integers")
                        : run.onEventLoop(() -> calls.call(run, checked));
            }
            if (raise && reply instanceof Reply.SimpleError error) {
                throw new LuaError(single("err", LuaReplies.latin1(error.bytes())), runtime.currentLine());
            }
            return new Object[] {LuaReplies.toLua(reply, run.resp)};
        };
    }
}

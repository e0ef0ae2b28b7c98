package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.script.lua.LuaError;
import io.slotwise.sim.script.lua.LuaFunction;
import io.slotwise.sim.script.lua.LuaInterrupt;
import io.slotwise.sim.script.lua.LuaRuntime;
import io.slotwise.sim.script.lua.LuaTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The function libraries of a node and their own Lua state: FUNCTION LOAD runs a library's code with {@code
 * redis.register_function} available (and {@code redis.call} not), FCALL calls a registered function with its KEYS and
 * ARGV tables. Errors read as Redis 7.0's. Confined to the node's event loop.
 */
final class FunctionLibraries {
    /** How long a library's code may run at FUNCTION LOAD, as in Redis. */
    static final long LOAD_TIMEOUT_MILLIS = 500;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final String BAD_NAME =
            "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long";

    private final ScriptEngine engine;
    private final LuaRuntime runtime = new LuaRuntime();
    private final Map<String, FunctionLibrary> libraries = new LinkedHashMap<>();
    private final Map<String, FunctionLibrary.Function> functions = new LinkedHashMap<>();
    private Map<String, FunctionLibrary.Function> registering;

    FunctionLibraries(ScriptEngine engine, ScriptCommandCall calls) {
        this.engine = engine;
        LuaTable redis = RedisLibrary.create(runtime, engine::current, calls);
        redis.put("register_function", (LuaFunction) this::registerFunction);
        runtime.globals().put("redis", redis);
        RedisLibrary.installRedisPcall(runtime);
        runtime.protectGlobals();
    }

    Collection<FunctionLibrary> libraries() {
        return libraries.values();
    }

    int functionCount() {
        return functions.size();
    }

    /**
     * FUNCTION LOAD.
     *
     * @param code the library's code
     * @param replace whether an existing library of the same name is replaced
     * @return the library's name
     */
    String load(byte[] code, boolean replace) {
        String source = LuaReplies.latin1(code);
        String name = libraryName(source);
        FunctionLibrary existing = libraries.get(name);
        if (existing != null && !replace) {
            throw new CommandException("ERR Library '" + name + "' already exists");
        }
        LuaFunction chunk;
        try {
            chunk = runtime.load(source, "user_function");
        } catch (LuaError e) {
            throw new CommandException(
                    "ERR Error compiling function: " + LuaReplies.oneLine(String.valueOf(e.value())));
        }
        registering = new LinkedHashMap<>();
        try {
            runtime.run(chunk, new Object[0], LOAD_TIMEOUT_MILLIS);
        } catch (LuaError e) {
            throw new CommandException(
                    "ERR Error registering functions: " + LuaReplies.oneLine(ScriptEngine.errorText(e.value())));
        } catch (LuaInterrupt e) {
            throw new CommandException("ERR Error registering functions: ERR FUNCTION LOAD timeout");
        }
        Map<String, FunctionLibrary.Function> registered = registering;
        registering = null;
        if (registered.isEmpty()) {
            throw new CommandException("ERR No functions registered");
        }
        for (String function : registered.keySet()) {
            FunctionLibrary.Function other = functions.get(function);
            if (other != null && (existing == null || !existing.functions().containsKey(function))) {
                throw new CommandException("ERR Function " + function + " already exists");
            }
        }
        if (existing != null) {
            delete(name);
        }
        FunctionLibrary library = new FunctionLibrary(name, code.clone(), registered);
        libraries.put(name, library);
        functions.putAll(registered);
        return name;
    }

    private static String libraryName(String source) {
        if (!source.startsWith("#!")) {
            throw new CommandException("ERR Missing library metadata");
        }
        int end = source.indexOf('\n');
        String[] parts =
                (end < 0 ? source : source.substring(0, end)).substring(2).split(" +");
        if (!parts[0].equals("lua")) {
            throw new CommandException("ERR Engine '" + parts[0] + "' not found");
        }
        String name = null;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("name=")) {
                name = parts[i].substring("name=".length());
            } else {
                throw new CommandException("ERR Invalid metadata value given: " + parts[i]);
            }
        }
        if (name == null) {
            throw new CommandException("ERR Library name was not given");
        }
        if (!NAME.matcher(name).matches()) {
            throw new CommandException("ERR " + BAD_NAME);
        }
        return name;
    }

    private static LuaError registrationError(String message) {
        return new LuaError(RedisLibrary.single("err", "ERR " + message), 0);
    }

    private Object[] registerFunction(Object[] args) {
        if (registering == null) {
            throw registrationError("redis.register_function can only be called on FUNCTION LOAD command");
        }
        Object name;
        Object callback;
        Object flags = null;
        Object description = null;
        if (args.length == 1 && args[0] instanceof LuaTable table) {
            name = null;
            callback = null;
            for (Object[] e = table.next(null); e != null; e = table.next(e[0])) {
                String key = e[0] instanceof String s ? s : "";
                switch (key) {
                    case "function_name" -> name = e[1];
                    case "callback" -> callback = e[1];
                    case "flags" -> flags = e[1];
                    case "description" -> description = e[1];
                    default -> throw registrationError("unknown argument given to redis.register_function");
                }
            }
            if (name == null) {
                throw registrationError("redis.register_function must get a function name argument");
            }
            if (callback == null) {
                throw registrationError("redis.register_function must get a callback argument");
            }
        } else if (args.length == 2) {
            name = args[0];
            callback = args[1];
        } else {
            throw registrationError("wrong number of arguments to redis.register_function");
        }
        if (!(name instanceof String functionName)) {
            throw registrationError("function_name argument given to redis.register_function must be a string");
        }
        if (!(callback instanceof LuaFunction function)) {
            throw registrationError("callback argument given to redis.register_function must be a function");
        }
        if (description != null && !(description instanceof String)) {
            throw registrationError("description argument given to redis.register_function must be a string");
        }
        List<String> flagNames = new ArrayList<>();
        if (flags != null) {
            if (!(flags instanceof LuaTable flagTable)) {
                throw registrationError(
                        "flags argument to redis.register_function must be a table representing function flags");
            }
            for (int i = 1; flagTable.get(i) != null; i++) {
                if (!(flagTable.get(i) instanceof String flag) || !ScriptFlags.KNOWN.contains(flag)) {
                    throw registrationError("unknown flag given");
                }
                flagNames.add(flag);
            }
        }
        if (!NAME.matcher(functionName).matches()) {
            throw registrationError(BAD_NAME);
        }
        if (registering.containsKey(functionName)) {
            throw registrationError("Function already exists in the library");
        }
        registering.put(
                functionName,
                new FunctionLibrary.Function(
                        functionName, function, flagNames, ScriptFlags.of(flagNames, "ERR unknown flag "), (String)
                                description));
        return new Object[0];
    }

    /** FUNCTION DELETE; returns false if there is no such library. */
    boolean delete(String name) {
        FunctionLibrary library = libraries.remove(name);
        if (library == null) {
            return false;
        }
        library.functions().keySet().forEach(functions::remove);
        return true;
    }

    /**
     * FUNCTION RESTORE: loads the libraries of a payload under a policy, all or none.
     *
     * @param codes the libraries' code
     * @param policy FLUSH, APPEND or REPLACE
     */
    void restore(List<byte[]> codes, String policy) {
        Map<String, FunctionLibrary> savedLibraries = new LinkedHashMap<>(libraries);
        Map<String, FunctionLibrary.Function> savedFunctions = new LinkedHashMap<>(functions);
        try {
            if (policy.equals("FLUSH")) {
                flush();
            }
            for (byte[] code : codes) {
                load(code, policy.equals("REPLACE"));
            }
        } catch (RuntimeException e) {
            libraries.clear();
            libraries.putAll(savedLibraries);
            functions.clear();
            functions.putAll(savedFunctions);
            throw e;
        }
    }

    /** FUNCTION FLUSH. */
    void flush() {
        libraries.clear();
        functions.clear();
    }

    /**
     * FCALL and FCALL_RO.
     *
     * @param ctx the command
     * @param name the function's name
     * @param keys the declared keys
     * @param args the other arguments
     * @param readOnlyCommand whether the command is FCALL_RO
     * @return the reply, completed when the function ends
     */
    CompletionStage<Reply> call(
            CommandContext ctx, String name, List<byte[]> keys, List<byte[]> args, boolean readOnlyCommand) {
        FunctionLibrary.Function function = functions.get(name);
        if (function == null) {
            throw new CommandException("ERR Function not found");
        }
        ScriptEngine.checkFlags(ctx, function.flags(), readOnlyCommand);
        ScriptRun run = new ScriptRun(
                ctx,
                runtime,
                name,
                "@user_function",
                function.flags(),
                readOnlyCommand || function.flags().noWrites(),
                keys.isEmpty() ? -1 : KeySlot.of(keys.get(0)));
        return engine.run(
                run, function.callback(), new Object[] {ScriptEngine.strings(keys), ScriptEngine.strings(args)});
    }
}

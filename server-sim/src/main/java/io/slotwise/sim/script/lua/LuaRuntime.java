package io.slotwise.sim.script.lua;

import java.util.function.BooleanSupplier;

/**
 * One Lua state: the globals with the standard libraries Redis offers (base, string, table, math, cjson, bit), the
 * position of the running code for error messages, the call depth limit and the interrupt condition of the running
 * script.
 * Redis's global protection is built in when {@link #protectGlobals()} has been called: reading a global that does not
 * exist raises {@code Script attempted to access nonexistent global variable 'x'}, and the globals and library tables
 * are read-only.
 *
 * <p>Not thread-safe: one thread at a time uses a runtime (the node's event loop compiles, a script thread may run),
 * handing it over with a happens-before edge (an executor's hand-off).
 */
public final class LuaRuntime {
    static final Object[] NONE = new Object[0];
    private static final int MAX_DEPTH = 200;

    /** The body of a library function, with its arguments checked through {@link Args}. */
    @FunctionalInterface
    interface LibraryFunction {
        /**
         * Runs the function.
         *
         * @param args the arguments
         * @return the results; never null
         */
        Object[] call(Args args);
    }

    private final LuaTable globals = new LuaTable();
    private final LuaTable stringLibrary;
    private final RedisRandom random = new RedisRandom();
    private String chunk = "user_script";
    private boolean strictGlobals;
    private int depth;
    private final int[] callerLines = new int[MAX_DEPTH + 2];
    private static final BooleanSupplier NEVER = () -> false;
    private BooleanSupplier interrupted = NEVER;
    private long steps;
    int line;

    /** Creates a state with the standard libraries installed. */
    public LuaRuntime() {
        BaseLibrary.install(this, globals);
        stringLibrary = StringLibrary.install(this, globals);
        TableLibrary.install(this, globals);
        MathLibrary.install(this, globals, random);
        CjsonLibrary.install(this, globals);
        BitLibrary.install(this, globals);
    }

    /** Returns the globals table. */
    public LuaTable globals() {
        return globals;
    }

    /**
     * Sets a global even though the globals are protected, as Redis sets {@code KEYS} and {@code ARGV}.
     *
     * @param name the global's name
     * @param value its value, null to remove it
     */
    public void setGlobalRaw(String name, Object value) {
        boolean wasReadOnly = globals.readOnly();
        globals.setReadOnly(false);
        try {
            globals.put(name, value);
        } finally {
            globals.setReadOnly(wasReadOnly);
        }
    }

    LuaTable stringLibrary() {
        return stringLibrary;
    }

    /**
     * Makes the globals and every table among them read-only and reading a missing global an error, as Redis does
     * once its libraries are set up.
     */
    public void protectGlobals() {
        strictGlobals = true;
        Object[] entry = globals.next(null);
        while (entry != null) {
            if (entry[1] instanceof LuaTable table && table != globals) {
                table.setReadOnly(true);
            }
            entry = globals.next(entry[0]);
        }
        globals.setReadOnly(true);
    }

    /**
     * Compiles a chunk.
     *
     * @param source the source, one character per byte (ISO-8859-1)
     * @param chunkName the name errors start with, {@code user_script} for Redis's scripts
     * @return the chunk's main function
     * @throws LuaError with Lua's message on a syntax error
     */
    public LuaFunction load(String source, String chunkName) {
        FunctionProto main = LuaParser.parse(source, chunkName);
        this.chunk = chunkName;
        return new LuaClosure(main, new Cell[0], this);
    }

    /**
     * Runs a function with a deadline, after which it ends with {@link LuaInterrupt}.
     *
     * @param function the function
     * @param args its arguments
     * @param timeoutMillis how long it may run
     * @return its results
     * @throws LuaError when it raises an error
     * @throws LuaInterrupt when it runs too long
     */
    public Object[] run(LuaFunction function, Object[] args, long timeoutMillis) {
        long deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        return run(function, args, () -> System.nanoTime() - deadlineNanos > 0);
    }

    /**
     * Runs a function until it returns or {@code interrupted} answers true, which is asked every 1024 statements (and
     * steps of pattern matching) from the thread running the function; it then ends with {@link LuaInterrupt}.
     *
     * @param function the function
     * @param args its arguments
     * @param interrupted whether to stop; must be cheap and must not throw
     * @return its results
     * @throws LuaError when it raises an error
     * @throws LuaInterrupt when interrupted
     */
    public Object[] run(LuaFunction function, Object[] args, BooleanSupplier interrupted) {
        this.interrupted = interrupted;
        steps = 0;
        depth = 0;
        line = 0;
        try {
            return function.call(args);
        } catch (StackOverflowError e) {
            throw new LuaError(chunk + ":" + line + ": stack overflow", line);
        } finally {
            this.interrupted = NEVER;
        }
    }

    /** Returns the line of the running code (the line of a {@code redis.call}, for example). */
    public int currentLine() {
        return line;
    }

    /**
     * Creates an error at the running code's position, as Lua's {@code luaL_error} does.
     *
     * @param message the message without position
     * @return the error to throw
     */
    public LuaError error(String message) {
        return new LuaError(line > 0 ? chunk + ":" + line + ": " + message : message, line);
    }

    /** Returns the line of the call {@code level} levels up (1 is the running function's current line). */
    int lineAtLevel(int level) {
        if (level <= 1) {
            return line;
        }
        int at = depth - level + 2;
        return at >= 1 && at <= depth ? callerLines[at] : 0;
    }

    String chunk() {
        return chunk;
    }

    void step(int atLine) {
        line = atLine;
        if ((++steps & 1023) == 0 && interrupted.getAsBoolean()) {
            throw new LuaInterrupt(line);
        }
    }

    /** Counts work that is not a statement (pattern backtracking) towards the next interrupt check. */
    void tick() {
        if ((++steps & 1023) == 0 && interrupted.getAsBoolean()) {
            throw new LuaInterrupt(line);
        }
    }

    void enter() {
        if (depth >= MAX_DEPTH) {
            throw error("stack overflow");
        }
        callerLines[++depth] = line;
    }

    void leave() {
        line = callerLines[depth--];
    }

    Object getGlobal(String name) {
        Object value = globals.get(name);
        if (value == null && strictGlobals) {
            throw error("Script attempted to access nonexistent global variable '" + name + "'");
        }
        return value;
    }

    void setGlobal(String name, Object value) {
        LuaOps.setIndex(this, globals, name, value, null);
    }

    /** Defines a library function in a table; {@code name} appears in its argument errors. */
    void define(LuaTable table, String name, LibraryFunction body) {
        table.put(name, (LuaFunction) args -> body.call(new Args(this, name, args)));
    }
}

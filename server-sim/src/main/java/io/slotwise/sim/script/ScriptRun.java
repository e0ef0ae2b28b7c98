package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.script.lua.LuaRuntime;

/**
 * What the {@code redis} library needs to know about the script that is running: the command that started it, how
 * errors name it ({@code script: <sha>, on @user_script:<line>.}), its flags, whether only reads are allowed, the RESP
 * version chosen with {@code redis.setresp} and the slot of the keys touched so far. One per EVAL or FCALL; used on the
 * event loop only.
 */
final class ScriptRun {
    final CommandContext ctx;
    final LuaRuntime runtime;
    final String name;
    final String source;
    final ScriptFlags flags;
    final boolean readOnly;
    int resp = 2;
    int slot;

    /**
     * @param ctx the EVAL or FCALL
     * @param runtime the Lua state running it
     * @param name the SHA-1 of the script or the function's name
     * @param source {@code @user_script} or {@code @user_function}
     * @param flags the script's flags
     * @param readOnly whether write commands are refused (EVAL_RO, FCALL_RO, {@code no-writes})
     * @param declaredSlot the slot of the declared keys, -1 if none
     */
    ScriptRun(
            CommandContext ctx,
            LuaRuntime runtime,
            String name,
            String source,
            ScriptFlags flags,
            boolean readOnly,
            int declaredSlot) {
        this.ctx = ctx;
        this.runtime = runtime;
        this.name = name;
        this.source = source;
        this.flags = flags;
        this.readOnly = readOnly;
        this.slot = declaredSlot;
    }

    /** Returns the suffix Redis appends to the error that ends a script. */
    String errorSuffix(int line) {
        return " script: " + name + ", on " + source + ":" + line + ".";
    }
}

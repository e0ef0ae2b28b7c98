package io.slotwise.sim.script;

import io.slotwise.sim.script.lua.LuaFunction;
import java.util.List;
import java.util.Map;

/**
 * A library loaded with FUNCTION LOAD: its name, its code and its functions in the order they were registered.
 *
 * @param name the library's name
 * @param code the code as loaded, shebang included
 * @param functions the functions by name, in registration order
 */
record FunctionLibrary(String name, byte[] code, Map<String, Function> functions) {

    /**
     * One registered function.
     *
     * @param name its name
     * @param callback the Lua function called with KEYS and ARGV
     * @param flagNames the flags as given
     * @param flags the flags as the engine uses them
     * @param description the description, or null
     */
    record Function(String name, LuaFunction callback, List<String> flagNames, ScriptFlags flags, String description) {}
}

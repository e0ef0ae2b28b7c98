package io.slotwise.sim.script.lua;

/**
 * A callable Lua value: a closure of the script or a library function written in Java.
 *
 * <p>Threading: called on the runtime's thread only.
 */
public interface LuaFunction {

    /**
     * Calls the function.
     *
     * @param args the arguments; trailing nils may be missing, elements may be null (nil)
     * @return the results, possibly empty; never null
     * @throws LuaError when the function raises an error
     */
    Object[] call(Object[] args);
}

package io.slotwise.sim.script.lua;

/** The state of one running call of a Lua function: its local variables, its varargs and its closure's upvalues. */
final class Frame {
    final Cell[] slots;
    final Object[] varargs;
    final LuaClosure closure;
    final LuaRuntime runtime;

    Frame(LuaClosure closure, Object[] varargs) {
        this.closure = closure;
        this.runtime = closure.runtime;
        this.slots = new Cell[closure.proto.slotCount];
        this.varargs = varargs;
    }
}

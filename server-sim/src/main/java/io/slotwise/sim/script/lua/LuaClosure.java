package io.slotwise.sim.script.lua;

/** A Lua function of the script with its captured upvalues. Called on the runtime's thread only. */
final class LuaClosure implements LuaFunction {
    final FunctionProto proto;
    final Cell[] upvalues;
    final LuaRuntime runtime;

    LuaClosure(FunctionProto proto, Cell[] upvalues, LuaRuntime runtime) {
        this.proto = proto;
        this.upvalues = upvalues;
        this.runtime = runtime;
    }

    @Override
    public Object[] call(Object[] args) {
        Object[] varargs = LuaRuntime.NONE;
        if (proto.vararg && args.length > proto.paramCount) {
            varargs = java.util.Arrays.copyOfRange(args, proto.paramCount, args.length);
        }
        Frame frame = new Frame(this, varargs);
        for (int i = 0; i < proto.paramCount; i++) {
            frame.slots[i] = new Cell(i < args.length ? args[i] : null);
        }
        runtime.enter();
        try {
            Object signal = proto.body.exec(frame);
            return signal instanceof Object[] values ? values : LuaRuntime.NONE;
        } finally {
            runtime.leave();
        }
    }
}

package io.slotwise.sim.script.lua;

import java.util.List;

/** The expressions that read values: constants, variables, fields, {@code ...}, functions and table constructors. */
final class Exprs {
    private Exprs() {}

    /** Evaluates an expression list, the last expression contributing all its values. */
    static Object[] evalList(Expr[] exprs, Frame frame) {
        if (exprs.length == 0) {
            return LuaRuntime.NONE;
        }
        Expr last = exprs[exprs.length - 1];
        if (!last.isMulti()) {
            Object[] values = new Object[exprs.length];
            for (int i = 0; i < exprs.length; i++) {
                values[i] = exprs[i].eval(frame);
            }
            return values;
        }
        Object[] head = new Object[exprs.length - 1];
        for (int i = 0; i < head.length; i++) {
            head[i] = exprs[i].eval(frame);
        }
        Object[] tail = last.evalMulti(frame);
        if (head.length == 0) {
            return tail;
        }
        Object[] values = new Object[head.length + tail.length];
        System.arraycopy(head, 0, values, 0, head.length);
        System.arraycopy(tail, 0, values, head.length, tail.length);
        return values;
    }

    static final class Constant extends Expr {
        private final Object value;

        Constant(int line, Object value) {
            super(line);
            this.value = value;
        }

        @Override
        Object eval(Frame frame) {
            return value;
        }
    }

    static final class Vararg extends Expr {
        Vararg(int line) {
            super(line);
        }

        @Override
        Object eval(Frame frame) {
            return frame.varargs.length == 0 ? null : frame.varargs[0];
        }

        @Override
        Object[] evalMulti(Frame frame) {
            return frame.varargs.clone();
        }

        @Override
        boolean isMulti() {
            return true;
        }
    }

    static final class Paren extends Expr {
        private final Expr inner;

        Paren(int line, Expr inner) {
            super(line);
            this.inner = inner;
        }

        @Override
        Object eval(Frame frame) {
            return inner.eval(frame);
        }
    }

    static final class Local extends Expr {
        final int slot;
        final String name;

        Local(int line, int slot, String name) {
            super(line);
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(Frame frame) {
            return frame.slots[slot].value;
        }

        @Override
        String describe() {
            return "local '" + name + "'";
        }
    }

    static final class Upvalue extends Expr {
        final int index;
        final String name;

        Upvalue(int line, int index, String name) {
            super(line);
            this.index = index;
            this.name = name;
        }

        @Override
        Object eval(Frame frame) {
            return frame.closure.upvalues[index].value;
        }

        @Override
        String describe() {
            return "upvalue '" + name + "'";
        }
    }

    static final class Global extends Expr {
        final String name;

        Global(int line, String name) {
            super(line);
            this.name = name;
        }

        @Override
        Object eval(Frame frame) {
            return frame.runtime.getGlobal(name);
        }

        @Override
        String describe() {
            return "global '" + name + "'";
        }
    }

    static final class Index extends Expr {
        final Expr object;
        final Expr key;

        Index(int line, Expr object, Expr key) {
            super(line);
            this.object = object;
            this.key = key;
        }

        @Override
        Object eval(Frame frame) {
            Object target = object.eval(frame);
            Object k = key.eval(frame);
            frame.runtime.line = line;
            return LuaOps.index(frame.runtime, target, k, object.describe());
        }

        @Override
        String describe() {
            return key instanceof Constant c && c.eval(null) instanceof String s ? "field '" + s + "'" : null;
        }
    }

    static final class Function extends Expr {
        final FunctionProto proto;

        Function(int line, FunctionProto proto) {
            super(line);
            this.proto = proto;
        }

        @Override
        Object eval(Frame frame) {
            Cell[] upvalues = new Cell[proto.upvalueIndex.length];
            for (int i = 0; i < upvalues.length; i++) {
                upvalues[i] = proto.upvalueFromLocal[i]
                        ? frame.slots[proto.upvalueIndex[i]]
                        : frame.closure.upvalues[proto.upvalueIndex[i]];
            }
            return new LuaClosure(proto, upvalues, frame.runtime);
        }
    }

    static final class TableConstructor extends Expr {
        private final Expr[] positional;
        private final List<Expr[]> keyed;

        TableConstructor(int line, List<Expr> positional, List<Expr[]> keyed) {
            super(line);
            this.positional = positional.toArray(new Expr[0]);
            this.keyed = keyed;
        }

        @Override
        Object eval(Frame frame) {
            LuaTable table = new LuaTable();
            for (Expr[] pair : keyed) {
                Object key = pair[0].eval(frame);
                Object value = pair[1].eval(frame);
                try {
                    table.put(key, value);
                } catch (LuaError e) {
                    throw frame.runtime.error((String) e.value());
                }
            }
            Object[] values = Exprs.evalList(positional, frame);
            for (int i = 0; i < values.length; i++) {
                table.put((double) (i + 1), values[i]);
            }
            return table;
        }
    }
}

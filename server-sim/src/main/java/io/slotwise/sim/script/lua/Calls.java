package io.slotwise.sim.script.lua;

/** Function and method calls, as expressions and as statements. */
final class Calls {
    private Calls() {}

    static final class Call extends Expr {
        final Expr function;
        private final Expr[] args;

        Call(int line, Expr function, Expr[] args) {
            super(line);
            this.function = function;
            this.args = args;
        }

        @Override
        Object eval(Frame frame) {
            Object[] values = evalMulti(frame);
            return values.length == 0 ? null : values[0];
        }

        @Override
        Object[] evalMulti(Frame frame) {
            Object f = function.eval(frame);
            Object[] values = Exprs.evalList(args, frame);
            frame.runtime.line = line;
            return LuaOps.call(frame.runtime, f, values, function.describe());
        }

        @Override
        boolean isMulti() {
            return true;
        }
    }

    static final class MethodCall extends Expr {
        private final Expr object;
        private final String name;
        private final Expr[] args;

        MethodCall(int line, Expr object, String name, Expr[] args) {
            super(line);
            this.object = object;
            this.name = name;
            this.args = args;
        }

        @Override
        Object eval(Frame frame) {
            Object[] values = evalMulti(frame);
            return values.length == 0 ? null : values[0];
        }

        @Override
        Object[] evalMulti(Frame frame) {
            Object self = object.eval(frame);
            frame.runtime.line = line;
            Object f = LuaOps.index(frame.runtime, self, name, object.describe());
            Object[] rest = Exprs.evalList(args, frame);
            Object[] values = new Object[rest.length + 1];
            values[0] = self;
            System.arraycopy(rest, 0, values, 1, rest.length);
            frame.runtime.line = line;
            return LuaOps.call(frame.runtime, f, values, "method '" + name + "'");
        }

        @Override
        boolean isMulti() {
            return true;
        }
    }

    static final class CallStatement extends Stat {
        private final Expr call;

        CallStatement(int line, Expr call) {
            super(line);
            this.call = call;
        }

        @Override
        Object exec(Frame frame) {
            call.evalMulti(frame);
            return null;
        }
    }
}

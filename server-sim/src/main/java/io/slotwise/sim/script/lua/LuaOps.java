package io.slotwise.sim.script.lua;

/**
 * The operations of the evaluator that involve metatables or coercions: indexing (with {@code __index}), assignment
 * to a field (with {@code __newindex}), calls (with {@code __call}), arithmetic with string coercion, comparison,
 * concatenation and length, each raising Lua 5.1's error message on a bad operand. Stateless; errors carry the
 * runtime's current position.
 */
final class LuaOps {
    private LuaOps() {}

    static Object index(LuaRuntime rt, Object object, Object key, String describe) {
        for (int loop = 0; loop < 100; loop++) {
            Object handler;
            if (object instanceof LuaTable table) {
                Object raw = table.get(key);
                LuaTable meta = table.metatable();
                if (raw != null || meta == null || (handler = meta.get("__index")) == null) {
                    return raw;
                }
            } else if (object instanceof String) {
                handler = rt.stringLibrary();
            } else {
                throw rt.error("attempt to index " + operand(object, describe));
            }
            if (handler instanceof LuaFunction function) {
                return first(function.call(new Object[] {object, key}));
            }
            object = handler;
            describe = null;
        }
        throw rt.error("loop in gettable");
    }

    static void setIndex(LuaRuntime rt, Object object, Object key, Object value, String describe) {
        for (int loop = 0; loop < 100; loop++) {
            if (!(object instanceof LuaTable table)) {
                throw rt.error("attempt to index " + operand(object, describe));
            }
            LuaTable meta = table.metatable();
            Object handler = meta == null ? null : meta.get("__newindex");
            if (handler == null || table.get(key) != null) {
                try {
                    table.put(key, value);
                } catch (LuaError e) {
                    throw e.line() == 0 && e.value() instanceof String message ? rt.error(message) : e;
                }
                return;
            }
            if (handler instanceof LuaFunction function) {
                function.call(new Object[] {object, key, value});
                return;
            }
            object = handler;
            describe = null;
        }
        throw rt.error("loop in settable");
    }

    static Object[] call(LuaRuntime rt, Object function, Object[] args, String describe) {
        if (function instanceof LuaFunction f) {
            return f.call(args);
        }
        if (function instanceof LuaTable table && table.metatable() != null) {
            Object handler = table.metatable().get("__call");
            if (handler instanceof LuaFunction f) {
                Object[] withSelf = new Object[args.length + 1];
                withSelf[0] = function;
                System.arraycopy(args, 0, withSelf, 1, args.length);
                return f.call(withSelf);
            }
        }
        throw rt.error("attempt to call " + operand(function, describe));
    }

    static Object first(Object[] values) {
        return values.length == 0 ? null : values[0];
    }

    static String operand(Object value, String describe) {
        String type = LuaValues.typeName(value);
        return describe == null ? "a " + type + " value" : describe + " (a " + type + " value)";
    }

    static double arithOperand(LuaRuntime rt, Object a, Object b, String describeA, String describeB) {
        throw rt.error("attempt to perform arithmetic on "
                + (LuaValues.toNumber(a) == null ? operand(a, describeA) : operand(b, describeB)));
    }

    static double arith(LuaRuntime rt, String op, Object a, Object b, String describeA, String describeB) {
        Double x = LuaValues.toNumber(a);
        Double y = LuaValues.toNumber(b);
        if (x == null || y == null) {
            arithOperand(rt, a, b, describeA, describeB);
        }
        return arith(op, x, y);
    }

    static double arith(String op, double x, double y) {
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> x / y;
            case "%" -> x - Math.floor(x / y) * y;
            case "^" -> Math.pow(x, y);
            default -> throw new IllegalArgumentException(op);
        };
    }

    static boolean lessThan(LuaRuntime rt, Object a, Object b, boolean orEqual) {
        if (a instanceof Double x && b instanceof Double y) {
            return orEqual ? x <= y : x < y;
        }
        if (a instanceof String x && b instanceof String y) {
            int c = x.compareTo(y);
            return orEqual ? c <= 0 : c < 0;
        }
        String ta = LuaValues.typeName(a);
        String tb = LuaValues.typeName(b);
        throw rt.error(
                ta.equals(tb)
                        ? "attempt to compare two " + ta + " values"
                        : "attempt to compare " + ta + " with " + tb);
    }

    static String concat(LuaRuntime rt, Object a, Object b, String describeA, String describeB) {
        String x = LuaValues.toStringCoerced(a);
        String y = LuaValues.toStringCoerced(b);
        if (x == null || y == null) {
            throw rt.error("attempt to concatenate " + (x == null ? operand(a, describeA) : operand(b, describeB)));
        }
        return x.concat(y);
    }

    static double length(LuaRuntime rt, Object value, String describe) {
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof LuaTable t) {
            return t.length();
        }
        throw rt.error("attempt to get length of " + operand(value, describe));
    }

    /** {@code tostring()}: honours {@code __tostring}. */
    static String toDisplay(Object value) {
        if (value instanceof LuaTable t
                && t.metatable() != null
                && t.metatable().get("__tostring") instanceof LuaFunction f) {
            Object result = first(f.call(new Object[] {value}));
            if (!(result instanceof String) && !(result instanceof Double)) {
                throw new LuaError("'__tostring' must return a string", 0);
            }
            return LuaValues.toStringCoerced(result);
        }
        return LuaValues.display(value);
    }
}

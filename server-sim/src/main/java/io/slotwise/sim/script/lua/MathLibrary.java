package io.slotwise.sim.script.lua;

/** Lua 5.1's math library, with Redis's deterministic {@code random} and {@code randomseed}. */
final class MathLibrary {
    private MathLibrary() {}

    interface Unary {
        double apply(double x);
    }

    static void install(LuaRuntime rt, LuaTable g, RedisRandom random) {
        LuaTable t = new LuaTable();
        g.put("math", t);
        t.put("pi", Math.PI);
        t.put("huge", Double.POSITIVE_INFINITY);
        unary(rt, t, "floor", Math::floor);
        unary(rt, t, "ceil", Math::ceil);
        unary(rt, t, "abs", Math::abs);
        unary(rt, t, "sqrt", Math::sqrt);
        unary(rt, t, "exp", Math::exp);
        unary(rt, t, "log", Math::log);
        unary(rt, t, "log10", Math::log10);
        unary(rt, t, "sin", Math::sin);
        unary(rt, t, "cos", Math::cos);
        unary(rt, t, "tan", Math::tan);
        unary(rt, t, "asin", Math::asin);
        unary(rt, t, "acos", Math::acos);
        unary(rt, t, "atan", Math::atan);
        unary(rt, t, "sinh", Math::sinh);
        unary(rt, t, "cosh", Math::cosh);
        unary(rt, t, "tanh", Math::tanh);
        unary(rt, t, "deg", Math::toDegrees);
        unary(rt, t, "rad", Math::toRadians);
        rt.define(t, "pow", a -> new Object[] {Math.pow(a.number(0), a.number(1))});
        rt.define(t, "atan2", a -> new Object[] {Math.atan2(a.number(0), a.number(1))});
        rt.define(t, "fmod", a -> new Object[] {a.number(0) % a.number(1)});
        rt.define(t, "ldexp", a -> new Object[] {a.number(0) * Math.pow(2, a.integer(1))});
        rt.define(t, "modf", a -> {
            double x = a.number(0);
            double whole = x >= 0 ? Math.floor(x) : Math.ceil(x);
            return new Object[] {whole, Double.isInfinite(x) ? 0.0 : x - whole};
        });
        rt.define(t, "frexp", a -> {
            double x = a.number(0);
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                return new Object[] {x, 0.0};
            }
            int exponent = Math.getExponent(x) + 1;
            double mantissa = x / Math.pow(2, exponent);
            if (Math.abs(mantissa) < 0.5) {
                mantissa *= 2;
                exponent--;
            }
            return new Object[] {mantissa, (double) exponent};
        });
        rt.define(t, "max", a -> new Object[] {extreme(a, true)});
        rt.define(t, "min", a -> new Object[] {extreme(a, false)});
        rt.define(t, "random", a -> {
            double r = (double) (random.next() % RedisRandom.MAX) / RedisRandom.MAX;
            switch (a.count()) {
                case 0:
                    return new Object[] {r};
                case 1: {
                    int upper = a.integer(0);
                    if (upper < 1) {
                        throw a.error(0, "interval is empty");
                    }
                    return new Object[] {Math.floor(r * upper) + 1};
                }
                case 2: {
                    int lower = a.integer(0);
                    int upper = a.integer(1);
                    if (lower > upper) {
                        throw a.error(1, "interval is empty");
                    }
                    return new Object[] {Math.floor(r * ((double) upper - lower + 1)) + lower};
                }
                default:
                    throw rt.error("wrong number of arguments");
            }
        });
        rt.define(t, "randomseed", a -> {
            random.seed(a.integer(0));
            return LuaRuntime.NONE;
        });
    }

    private static void unary(LuaRuntime rt, LuaTable t, String name, Unary function) {
        rt.define(t, name, a -> new Object[] {function.apply(a.number(0))});
    }

    private static double extreme(Args a, boolean max) {
        double best = a.number(0);
        for (int i = 1; i < a.count(); i++) {
            double v = a.number(i);
            if (max ? v > best : v < best) {
                best = v;
            }
        }
        return best;
    }
}

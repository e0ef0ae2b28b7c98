package io.slotwise.sim.script.lua;

/**
 * The {@code bit} library Redis bundles (LuaBitOp): 32-bit operations on numbers wrapped modulo 2^32, answering
 * signed results: tobit, band, bor, bxor, bnot, lshift, rshift, arshift, rol, ror, bswap, tohex.
 */
final class BitLibrary {
    private BitLibrary() {}

    static int toBit(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return 0;
        }
        double wrapped = d % 4294967296.0;
        return (int) (long) Math.rint(wrapped);
    }

    interface Fold {
        int apply(int x, int y);
    }

    static void install(LuaRuntime rt, LuaTable g) {
        LuaTable t = new LuaTable();
        g.put("bit", t);
        rt.define(t, "tobit", a -> new Object[] {(double) toBit(a.number(0))});
        rt.define(t, "bnot", a -> new Object[] {(double) ~toBit(a.number(0))});
        fold(rt, t, "band", (x, y) -> x & y);
        fold(rt, t, "bor", (x, y) -> x | y);
        fold(rt, t, "bxor", (x, y) -> x ^ y);
        rt.define(t, "lshift", a -> new Object[] {(double) (toBit(a.number(0)) << (toBit(a.number(1)) & 31))});
        rt.define(t, "rshift", a -> new Object[] {(double) (toBit(a.number(0)) >>> (toBit(a.number(1)) & 31))});
        rt.define(t, "arshift", a -> new Object[] {(double) (toBit(a.number(0)) >> (toBit(a.number(1)) & 31))});
        rt.define(t, "rol", a -> new Object[] {(double) Integer.rotateLeft(toBit(a.number(0)), toBit(a.number(1)))});
        rt.define(t, "ror", a -> new Object[] {(double) Integer.rotateRight(toBit(a.number(0)), toBit(a.number(1)))});
        rt.define(t, "bswap", a -> new Object[] {(double) Integer.reverseBytes(toBit(a.number(0)))});
        rt.define(t, "tohex", a -> {
            int x = toBit(a.number(0));
            int n = a.get(1) == null ? 8 : toBit(a.number(1));
            boolean upper = n < 0;
            n = Math.min(Math.abs(n), 8);
            String hex = String.format(upper ? "%08X" : "%08x", x);
            return new Object[] {hex.substring(8 - n)};
        });
    }

    private static void fold(LuaRuntime rt, LuaTable t, String name, Fold op) {
        rt.define(t, name, a -> {
            int result = toBit(a.number(0));
            for (int i = 1; i < a.count(); i++) {
                result = op.apply(result, toBit(a.number(i)));
            }
            return new Object[] {(double) result};
        });
    }
}

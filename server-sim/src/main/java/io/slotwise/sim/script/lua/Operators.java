package io.slotwise.sim.script.lua;

/** The operator expressions: arithmetic, comparison, equality, concatenation, logic, length and negation. */
final class Operators {
    private Operators() {}

    static final class Arith extends Expr {
        private final String op;
        private final Expr left;
        private final Expr right;

        Arith(int line, String op, Expr left, Expr right) {
            super(line);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame frame) {
            Object a = left.eval(frame);
            Object b = right.eval(frame);
            if (a instanceof Double x && b instanceof Double y) {
                return LuaOps.arith(op, x, y);
            }
            frame.runtime.line = line;
            return LuaOps.arith(frame.runtime, op, a, b, left.describe(), right.describe());
        }
    }

    static final class Compare extends Expr {
        private final String op;
        private final Expr left;
        private final Expr right;

        Compare(int line, String op, Expr left, Expr right) {
            super(line);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame frame) {
            Object a = left.eval(frame);
            Object b = right.eval(frame);
            frame.runtime.line = line;
            return switch (op) {
                case "==" -> LuaValues.rawEquals(a, b);
                case "~=" -> !LuaValues.rawEquals(a, b);
                case "<" -> LuaOps.lessThan(frame.runtime, a, b, false);
                case "<=" -> LuaOps.lessThan(frame.runtime, a, b, true);
                case ">" -> LuaOps.lessThan(frame.runtime, b, a, false);
                default -> LuaOps.lessThan(frame.runtime, b, a, true);
            };
        }
    }

    static final class Concat extends Expr {
        private final Expr left;
        private final Expr right;

        Concat(int line, Expr left, Expr right) {
            super(line);
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame frame) {
            Object a = left.eval(frame);
            Object b = right.eval(frame);
            if (a instanceof String x && b instanceof String y) {
                return x.concat(y);
            }
            frame.runtime.line = line;
            return LuaOps.concat(frame.runtime, a, b, left.describe(), right.describe());
        }
    }

    static final class And extends Expr {
        private final Expr left;
        private final Expr right;

        And(int line, Expr left, Expr right) {
            super(line);
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame frame) {
            Object a = left.eval(frame);
            return LuaValues.isTrue(a) ? right.eval(frame) : a;
        }
    }

    static final class Or extends Expr {
        private final Expr left;
        private final Expr right;

        Or(int line, Expr left, Expr right) {
            super(line);
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame frame) {
            Object a = left.eval(frame);
            return LuaValues.isTrue(a) ? a : right.eval(frame);
        }
    }

    static final class Not extends Expr {
        private final Expr operand;

        Not(int line, Expr operand) {
            super(line);
            this.operand = operand;
        }

        @Override
        Object eval(Frame frame) {
            return !LuaValues.isTrue(operand.eval(frame));
        }
    }

    static final class Negate extends Expr {
        private final Expr operand;

        Negate(int line, Expr operand) {
            super(line);
            this.operand = operand;
        }

        @Override
        Object eval(Frame frame) {
            Object a = operand.eval(frame);
            Double x = LuaValues.toNumber(a);
            if (x == null) {
                frame.runtime.line = line;
                throw frame.runtime.error("attempt to perform arithmetic on " + LuaOps.operand(a, operand.describe()));
            }
            return -x;
        }
    }

    static final class Length extends Expr {
        private final Expr operand;

        Length(int line, Expr operand) {
            super(line);
            this.operand = operand;
        }

        @Override
        Object eval(Frame frame) {
            Object a = operand.eval(frame);
            frame.runtime.line = line;
            return LuaOps.length(frame.runtime, a, operand.describe());
        }
    }
}

package io.slotwise.sim.script.lua;

/** The statements: local declarations, assignment, control structures, loops, return and break. */
final class Stats {
    private Stats() {}

    static final class LocalDeclaration extends Stat {
        private final int[] slots;
        private final Expr[] values;

        LocalDeclaration(int line, int[] slots, Expr[] values) {
            super(line);
            this.slots = slots;
            this.values = values;
        }

        @Override
        Object exec(Frame frame) {
            if (slots.length == 1 && values.length == 1) {
                frame.slots[slots[0]] = new Cell(values[0].eval(frame));
                return null;
            }
            Object[] evaluated = Exprs.evalList(values, frame);
            for (int i = 0; i < slots.length; i++) {
                frame.slots[slots[i]] = new Cell(i < evaluated.length ? evaluated[i] : null);
            }
            return null;
        }
    }

    static final class LocalFunction extends Stat {
        private final int slot;
        private final Expr function;

        LocalFunction(int line, int slot, Expr function) {
            super(line);
            this.slot = slot;
            this.function = function;
        }

        @Override
        Object exec(Frame frame) {
            Cell cell = new Cell(null);
            frame.slots[slot] = cell;
            cell.value = function.eval(frame);
            return null;
        }
    }

    static final class Assignment extends Stat {
        private final Expr[] targets;
        private final Expr[] values;

        Assignment(int line, Expr[] targets, Expr[] values) {
            super(line);
            this.targets = targets;
            this.values = values;
        }

        @Override
        Object exec(Frame frame) {
            if (targets.length == 1 && values.length == 1) {
                Expr target = targets[0];
                if (target instanceof Exprs.Index index) {
                    Object object = index.object.eval(frame);
                    Object key = index.key.eval(frame);
                    assignField(frame, index, object, key, values[0].eval(frame));
                } else {
                    assign(frame, target, values[0].eval(frame));
                }
                return null;
            }
            Object[] objects = new Object[targets.length];
            Object[] keys = new Object[targets.length];
            for (int i = 0; i < targets.length; i++) {
                if (targets[i] instanceof Exprs.Index index) {
                    objects[i] = index.object.eval(frame);
                    keys[i] = index.key.eval(frame);
                }
            }
            Object[] evaluated = Exprs.evalList(values, frame);
            for (int i = targets.length - 1; i >= 0; i--) {
                Object value = i < evaluated.length ? evaluated[i] : null;
                if (targets[i] instanceof Exprs.Index index) {
                    assignField(frame, index, objects[i], keys[i], value);
                } else {
                    assign(frame, targets[i], value);
                }
            }
            return null;
        }

        private void assignField(Frame frame, Exprs.Index index, Object object, Object key, Object value) {
            frame.runtime.line = line;
            LuaOps.setIndex(frame.runtime, object, key, value, index.object.describe());
        }

        private void assign(Frame frame, Expr target, Object value) {
            if (target instanceof Exprs.Local local) {
                frame.slots[local.slot].value = value;
            } else if (target instanceof Exprs.Upvalue upvalue) {
                frame.closure.upvalues[upvalue.index].value = value;
            } else {
                frame.runtime.line = line;
                frame.runtime.setGlobal(((Exprs.Global) target).name, value);
            }
        }
    }

    static final class Do extends Stat {
        private final Block body;

        Do(int line, Block body) {
            super(line);
            this.body = body;
        }

        @Override
        Object exec(Frame frame) {
            return body.exec(frame);
        }
    }

    static final class While extends Stat {
        private final Expr condition;
        private final Block body;

        While(int line, Expr condition, Block body) {
            super(line);
            this.condition = condition;
            this.body = body;
        }

        @Override
        Object exec(Frame frame) {
            while (LuaValues.isTrue(condition.eval(frame))) {
                frame.runtime.step(line);
                Object signal = body.exec(frame);
                if (signal != null) {
                    return signal == BREAK ? null : signal;
                }
            }
            return null;
        }
    }

    static final class Repeat extends Stat {
        private final Block body;
        private final Expr condition;

        Repeat(int line, Block body, Expr condition) {
            super(line);
            this.body = body;
            this.condition = condition;
        }

        @Override
        Object exec(Frame frame) {
            do {
                frame.runtime.step(line);
                Object signal = body.exec(frame);
                if (signal != null) {
                    return signal == BREAK ? null : signal;
                }
            } while (!LuaValues.isTrue(condition.eval(frame)));
            return null;
        }
    }

    static final class If extends Stat {
        private final Expr[] conditions;
        private final Block[] blocks;
        private final Block otherwise;

        If(int line, Expr[] conditions, Block[] blocks, Block otherwise) {
            super(line);
            this.conditions = conditions;
            this.blocks = blocks;
            this.otherwise = otherwise;
        }

        @Override
        Object exec(Frame frame) {
            for (int i = 0; i < conditions.length; i++) {
                if (LuaValues.isTrue(conditions[i].eval(frame))) {
                    return blocks[i].exec(frame);
                }
            }
            return otherwise == null ? null : otherwise.exec(frame);
        }
    }

    static final class NumericFor extends Stat {
        private final int slot;
        private final Expr start;
        private final Expr limit;
        private final Expr step;
        private final Block body;

        NumericFor(int line, int slot, Expr start, Expr limit, Expr step, Block body) {
            super(line);
            this.slot = slot;
            this.start = start;
            this.limit = limit;
            this.step = step;
            this.body = body;
        }

        @Override
        Object exec(Frame frame) {
            LuaRuntime rt = frame.runtime;
            double from = number(rt, start.eval(frame), "initial");
            double to = number(rt, limit.eval(frame), "limit");
            double by = step == null ? 1 : number(rt, step.eval(frame), "step");
            for (double i = from; by > 0 ? i <= to : i >= to; i += by) {
                rt.step(line);
                frame.slots[slot] = new Cell(i);
                Object signal = body.exec(frame);
                if (signal != null) {
                    return signal == BREAK ? null : signal;
                }
            }
            return null;
        }

        private double number(LuaRuntime rt, Object value, String what) {
            Double d = LuaValues.toNumber(value);
            if (d == null) {
                rt.line = line;
                throw rt.error("'for' " + what + " value must be a number");
            }
            return d;
        }
    }

    static final class GenericFor extends Stat {
        private final int[] slots;
        private final Expr[] iterators;
        private final Block body;

        GenericFor(int line, int[] slots, Expr[] iterators, Block body) {
            super(line);
            this.slots = slots;
            this.iterators = iterators;
            this.body = body;
        }

        @Override
        Object exec(Frame frame) {
            LuaRuntime rt = frame.runtime;
            Object[] init = Exprs.evalList(iterators, frame);
            Object function = init.length > 0 ? init[0] : null;
            Object state = init.length > 1 ? init[1] : null;
            Object control = init.length > 2 ? init[2] : null;
            while (true) {
                rt.step(line);
                rt.line = line;
                Object[] values = LuaOps.call(rt, function, new Object[] {state, control}, null);
                Object first = values.length > 0 ? values[0] : null;
                if (first == null) {
                    return null;
                }
                control = first;
                for (int i = 0; i < slots.length; i++) {
                    frame.slots[slots[i]] = new Cell(i < values.length ? values[i] : null);
                }
                Object signal = body.exec(frame);
                if (signal != null) {
                    return signal == BREAK ? null : signal;
                }
            }
        }
    }

    static final class Return extends Stat {
        private final Expr[] values;

        Return(int line, Expr[] values) {
            super(line);
            this.values = values;
        }

        @Override
        Object exec(Frame frame) {
            return Exprs.evalList(values, frame);
        }
    }

    static final class Break extends Stat {
        Break(int line) {
            super(line);
        }

        @Override
        Object exec(Frame frame) {
            return BREAK;
        }
    }
}

package io.slotwise.sim.script.lua;

import java.util.List;

/** A sequence of statements; a block's locals live in the slots the parser gave them. */
final class Block extends Stat {
    private final Stat[] statements;

    Block(int line, List<Stat> statements) {
        super(line);
        this.statements = statements.toArray(new Stat[0]);
    }

    @Override
    Object exec(Frame frame) {
        LuaRuntime rt = frame.runtime;
        for (Stat statement : statements) {
            rt.step(statement.line);
            Object signal = statement.exec(frame);
            if (signal != null) {
                return signal;
            }
        }
        return null;
    }
}

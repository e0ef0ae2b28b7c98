package io.slotwise.sim.script.lua;

import java.util.ArrayList;
import java.util.List;

/**
 * The parser's view of the function being compiled: its visible locals (innermost last), the slots they use, its
 * upvalues and how deep in loops the parser is. Resolves a name to a local, an upvalue or a global.
 */
final class FunctionScope {
    private record Local(String name, int slot) {}

    private record UpvalueSource(String name, boolean fromLocal, int index) {}

    final FunctionScope parent;
    final FunctionProto proto;
    int loopDepth;
    private final List<Local> active = new ArrayList<>();
    private final List<UpvalueSource> upvalues = new ArrayList<>();

    FunctionScope(FunctionScope parent, FunctionProto proto) {
        this.parent = parent;
        this.proto = proto;
    }

    /** Returns how many locals are visible, to close a block later with {@link #closeBlock}. */
    int openBlock() {
        return active.size();
    }

    /** Forgets the locals declared since {@link #openBlock} returned {@code mark}. */
    void closeBlock(int mark) {
        while (active.size() > mark) {
            active.remove(active.size() - 1);
        }
    }

    /** Declares a local visible from now on and returns its new slot. */
    int declare(String name) {
        int slot = proto.slotCount++;
        active.add(new Local(name, slot));
        return slot;
    }

    /** Resolves a name used at {@code line}. */
    Expr resolve(String name, int line) {
        int slot = findLocal(name);
        if (slot >= 0) {
            return new Exprs.Local(line, slot, name);
        }
        int upvalue = findUpvalue(name);
        return upvalue >= 0 ? new Exprs.Upvalue(line, upvalue, name) : new Exprs.Global(line, name);
    }

    private int findLocal(String name) {
        for (int i = active.size() - 1; i >= 0; i--) {
            if (active.get(i).name().equals(name)) {
                return active.get(i).slot();
            }
        }
        return -1;
    }

    private int findUpvalue(String name) {
        for (int i = 0; i < upvalues.size(); i++) {
            if (upvalues.get(i).name().equals(name)) {
                return i;
            }
        }
        if (parent == null) {
            return -1;
        }
        int slot = parent.findLocal(name);
        if (slot >= 0) {
            return addUpvalue(new UpvalueSource(name, true, slot));
        }
        int outer = parent.findUpvalue(name);
        return outer < 0 ? -1 : addUpvalue(new UpvalueSource(name, false, outer));
    }

    private int addUpvalue(UpvalueSource source) {
        upvalues.add(source);
        return upvalues.size() - 1;
    }

    /** Writes the upvalue sources into the prototype once the function is parsed. */
    void finish() {
        proto.upvalueFromLocal = new boolean[upvalues.size()];
        proto.upvalueIndex = new int[upvalues.size()];
        for (int i = 0; i < upvalues.size(); i++) {
            proto.upvalueFromLocal[i] = upvalues.get(i).fromLocal();
            proto.upvalueIndex[i] = upvalues.get(i).index();
        }
    }
}

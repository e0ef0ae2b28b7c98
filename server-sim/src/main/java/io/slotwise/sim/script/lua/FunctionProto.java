package io.slotwise.sim.script.lua;

/**
 * A function as the parser compiled it: parameters, body and where each upvalue comes from. Shared by every closure
 * made from it. Immutable once the parser has finished the function.
 */
final class FunctionProto {
    final String name;
    final int line;
    int paramCount;
    boolean vararg;
    int slotCount;
    Block body;
    /** Per upvalue: true if it is a local of the enclosing function, false if one of its upvalues. */
    boolean[] upvalueFromLocal = new boolean[0];
    /** Per upvalue: the slot or upvalue index in the enclosing function. */
    int[] upvalueIndex = new int[0];

    FunctionProto(String name, int line) {
        this.name = name;
        this.line = line;
    }
}

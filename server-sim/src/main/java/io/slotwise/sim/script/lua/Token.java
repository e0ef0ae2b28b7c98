package io.slotwise.sim.script.lua;

/**
 * One lexical token of a Lua chunk.
 *
 * @param kind the keyword or symbol itself ({@code local}, {@code ==}), or {@code <name>}, {@code <string>},
 *     {@code <number>}, {@code <eof>}
 * @param text the name, the string's content or the number's source text; the kind again for keywords and symbols
 * @param number the value of a number token
 * @param line the line the token starts on, from 1
 */
record Token(String kind, String text, double number, int line) {

    /** Returns how Lua names the token in {@code near '...'} of a syntax error. */
    String near() {
        return switch (kind) {
            case "<eof>" -> "<eof>";
            default -> text;
        };
    }
}

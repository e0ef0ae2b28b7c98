package io.slotwise.sim.script.lua;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a Lua 5.1 chunk into {@link Token}s: names and keywords, decimal and hexadecimal numbers, short strings with
 * their escapes, long strings and long comments with any level of {@code =}. Syntax errors read as Lua 5.1's, for
 * example {@code user_script:1: unfinished string near '"abc'}. Stateless apart from the chunk being read.
 */
final class LuaLexer {
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "break",
            "do",
            "else",
            "elseif",
            "end",
            "false",
            "for",
            "function",
            "if",
            "in",
            "local",
            "nil",
            "not",
            "or",
            "repeat",
            "return",
            "then",
            "true",
            "until",
            "while");
    private static final String[] SYMBOLS = {
        "...", "==", "~=", "<=", ">=", "..", "+", "-", "*", "/", "%", "^", "#", "<", ">", "=", "(", ")", "{", "}", "[",
        "]", ";", ":", ",", "."
    };

    private final String src;
    private final String chunk;
    private int pos;
    private int line = 1;

    private LuaLexer(String src, String chunk) {
        this.src = src;
        this.chunk = chunk;
    }

    /**
     * Reads all tokens of a chunk, ending with {@code <eof>}.
     *
     * @param src the source, one character per byte
     * @param chunk the chunk name errors start with, for example {@code user_script}
     * @return the tokens
     * @throws LuaError on a lexical error
     */
    static List<Token> tokenize(String src, String chunk) {
        LuaLexer lexer = new LuaLexer(src, chunk);
        List<Token> tokens = new ArrayList<>();
        if (src.startsWith("#")) {
            while (lexer.pos < src.length() && src.charAt(lexer.pos) != '\n') {
                lexer.pos++;
            }
        }
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (!token.kind().equals("<eof>"));
        return tokens;
    }

    private LuaError error(String message, String near) {
        return new LuaError(chunk + ":" + line + ": " + message + (near == null ? "" : " near '" + near + "'"), line);
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : '\0';
    }

    private Token next() {
        skipBlanksAndComments();
        if (pos >= src.length()) {
            return new Token("<eof>", "<eof>", 0, line);
        }
        char c = src.charAt(pos);
        int startLine = line;
        if (Character.isLetter(c) && c < 128 || c == '_') {
            int start = pos;
            while (pos < src.length() && isNameChar(src.charAt(pos))) {
                pos++;
            }
            String word = src.substring(start, pos);
            return new Token(KEYWORDS.contains(word) ? word : "<name>", word, 0, startLine);
        }
        if (c >= '0' && c <= '9' || c == '.' && peek(1) >= '0' && peek(1) <= '9') {
            return number();
        }
        if (c == '"' || c == '\'') {
            return new Token("<string>", shortString(c), 0, startLine);
        }
        if (c == '[' && (peek(1) == '[' || peek(1) == '=')) {
            int level = longBracketLevel();
            if (level >= 0) {
                return new Token("<string>", longString(level), 0, startLine);
            }
        }
        for (String symbol : SYMBOLS) {
            if (src.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(symbol, symbol, 0, startLine);
            }
        }
        pos++;
        throw error("unexpected symbol", String.valueOf(c));
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private void skipBlanksAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                pos += 2;
                if (peek(0) == '[') {
                    int level = longBracketLevel();
                    if (level >= 0) {
                        longString(level);
                        continue;
                    }
                }
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** At '[': returns the level of a long bracket opening here (and consumes it), or -1 leaving pos unchanged. */
    private int longBracketLevel() {
        int at = pos + 1;
        int level = 0;
        while (at < src.length() && src.charAt(at) == '=') {
            level++;
            at++;
        }
        if (at < src.length() && src.charAt(at) == '[') {
            pos = at + 1;
            return level;
        }
        return -1;
    }

    private String longString(int level) {
        if (peek(0) == '\r') {
            pos++;
        }
        if (peek(0) == '\n') {
            line++;
            pos++;
        }
        String close = "]" + "=".repeat(level) + "]";
        int end = src.indexOf(close, pos);
        if (end < 0) {
            pos = src.length();
            throw error("unfinished long string", "<eof>");
        }
        String content = src.substring(pos, end);
        line += (int) content.chars().filter(ch -> ch == '\n').count();
        pos = end + close.length();
        return content;
    }

    private Token number() {
        int start = pos;
        int startLine = line;
        if (peek(0) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            pos += 2;
        }
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isNameChar(c) || c == '.') {
                pos++;
            } else if ((c == '-' || c == '+')
                    && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')
                    && !src.startsWith("0x", start)
                    && !src.startsWith("0X", start)) {
                pos++;
            } else {
                break;
            }
        }
        String text = src.substring(start, pos);
        Double value = LuaValues.parseNumber(text);
        if (value == null
                || !Character.isDigit(text.charAt(text.length() - 1))
                        && !text.endsWith(".")
                        && !(text.startsWith("0x") || text.startsWith("0X"))) {
            throw error("malformed number", text);
        }
        return new Token("<number>", text, value, startLine);
    }

    private String shortString(char quote) {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("unfinished string", "<eof>");
            }
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return out.toString();
            }
            if (c == '\n') {
                throw error("unfinished string", src.substring(start, pos));
            }
            if (c != '\\') {
                out.append(c);
                pos++;
                continue;
            }
            pos++;
            char e = peek(0);
            pos++;
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case '\n' -> {
                    line++;
                    out.append('\n');
                }
                case '\0' -> throw error("unfinished string", "<eof>");
                default -> {
                    if (e >= '0' && e <= '9') {
                        int value = e - '0';
                        for (int i = 0; i < 2 && peek(0) >= '0' && peek(0) <= '9'; i++) {
                            value = value * 10 + (src.charAt(pos++) - '0');
                        }
                        if (value > 255) {
                            throw error("escape sequence too large", src.substring(start, pos));
                        }
                        out.append((char) value);
                    } else {
                        out.append(e);
                    }
                }
            }
        }
    }
}

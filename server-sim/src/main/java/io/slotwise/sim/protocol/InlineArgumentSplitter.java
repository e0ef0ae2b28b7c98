package io.slotwise.sim.protocol;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits the text of an inline request, or a line of a redis.conf file, into arguments with the rules of Redis's
 * {@code sdssplitargs}:
 *
 * <ul>
 *   <li>Arguments are separated by blanks (space, tab, CR, LF, and between arguments also VT and FF).
 *   <li>{@code "double quotes"} group blanks and understand {@code \n \r \t \b \a}, {@code \xHH} (two hex digits) and
 *       a backslash before any other character (that character itself, so {@code \\} and {@code \"}).
 *   <li>{@code 'single quotes'} group blanks and understand only {@code \'}.
 *   <li>A quoted part may follow unquoted characters of the same argument ({@code ab"c d"} is {@code abc d}), but a
 *       closing quote must be followed by a blank or the end of the line, otherwise the quotes are unbalanced, as is a
 *       quote never closed.
 *   <li>A NUL byte ends the text, as the end of a C string does: what follows it is ignored (inside quotes it leaves
 *       them unterminated).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class InlineArgumentSplitter {
    private InlineArgumentSplitter() {}

    /**
     * Splits one line.
     *
     * @param line the request text without its line terminator
     * @return the arguments, possibly none for a blank line; empty when the quotes are unbalanced
     */
    public static Optional<List<byte[]>> split(byte[] line) {
        List<byte[]> args = new ArrayList<>();
        int p = 0;
        while (true) {
            while (at(line, p) != 0 && isSpace(at(line, p))) {
                p++;
            }
            if (at(line, p) == 0) {
                return Optional.of(args);
            }
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            boolean inDoubleQuotes = false;
            boolean inSingleQuotes = false;
            boolean done = false;
            while (!done) {
                int c = at(line, p);
                if (inDoubleQuotes) {
                    if (c == '\\' && at(line, p + 1) == 'x' && isHex(at(line, p + 2)) && isHex(at(line, p + 3))) {
                        current.write(hexValue(at(line, p + 2)) * 16 + hexValue(at(line, p + 3)));
                        p += 3;
                    } else if (c == '\\' && at(line, p + 1) != 0) {
                        p++;
                        current.write(unescape(at(line, p)));
                    } else if (c == '"') {
                        if (!closesArgument(line, p)) {
                            return Optional.empty();
                        }
                        done = true;
                    } else if (c == 0) {
                        return Optional.empty();
                    } else {
                        current.write(c);
                    }
                } else if (inSingleQuotes) {
                    if (c == '\\' && at(line, p + 1) == '\'') {
                        p++;
                        current.write('\'');
                    } else if (c == '\'') {
                        if (!closesArgument(line, p)) {
                            return Optional.empty();
                        }
                        done = true;
                    } else if (c == 0) {
                        return Optional.empty();
                    } else {
                        current.write(c);
                    }
                } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0) {
                    done = true;
                } else if (c == '"') {
                    inDoubleQuotes = true;
                } else if (c == '\'') {
                    inSingleQuotes = true;
                } else {
                    current.write(c);
                }
                if (at(line, p) != 0) {
                    p++;
                }
            }
            args.add(current.toByteArray());
        }
    }

    /** A closing quote must be the last character or be followed by a blank. */
    private static boolean closesArgument(byte[] line, int quote) {
        int next = at(line, quote + 1);
        return next == 0 || isSpace(next);
    }

    /** The byte at {@code index} as 0-255, or 0 past the end (the C string terminator). */
    private static int at(byte[] line, int index) {
        return index < line.length ? line[index] & 0xFF : 0;
    }

    /** C's isspace in the "C" locale. */
    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hexValue(int c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    private static int unescape(int c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> 7;
            default -> c;
        };
    }
}

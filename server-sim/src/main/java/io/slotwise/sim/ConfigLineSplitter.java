package io.slotwise.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one line of a redis.conf file into arguments as Redis does ({@code sdssplitargs}): blanks separate
 * arguments; {@code "double quotes"} group blanks and understand {@code \n \r \t \b \a \xHH} and a backslash before
 * any other character; {@code 'single quotes'} group blanks and understand only {@code \'}; a closing quote must be
 * followed by a blank or the end of the line. Text is handled as characters (config files are text), {@code \xHH}
 * yields the character of that code. Stateless.
 */
final class ConfigLineSplitter {
    private ConfigLineSplitter() {}

    /**
     * Splits a line.
     *
     * @param line the line without its terminator
     * @return the arguments (none for a blank line), or empty if the quotes are unbalanced
     */
    static Optional<List<String>> split(String line) {
        List<String> args = new ArrayList<>();
        int p = 0;
        int n = line.length();
        while (true) {
            while (p < n && Character.isWhitespace(line.charAt(p))) {
                p++;
            }
            if (p == n) {
                return Optional.of(args);
            }
            StringBuilder current = new StringBuilder();
            char quote = 0;
            boolean done = false;
            while (!done) {
                if (p == n) {
                    if (quote != 0) {
                        return Optional.empty();
                    }
                    break;
                }
                char c = line.charAt(p);
                if (quote == '"') {
                    if (c == '\\'
                            && p + 3 < n
                            && line.charAt(p + 1) == 'x'
                            && isHex(line, p + 2)
                            && isHex(line, p + 3)) {
                        current.append((char) Integer.parseInt(line.substring(p + 2, p + 4), 16));
                        p += 3;
                    } else if (c == '\\' && p + 1 < n) {
                        p++;
                        current.append(unescape(line.charAt(p)));
                    } else if (c == '"') {
                        if (p + 1 < n && !Character.isWhitespace(line.charAt(p + 1))) {
                            return Optional.empty();
                        }
                        done = true;
                    } else {
                        current.append(c);
                    }
                } else if (quote == '\'') {
                    if (c == '\\' && p + 1 < n && line.charAt(p + 1) == '\'') {
                        p++;
                        current.append('\'');
                    } else if (c == '\'') {
                        if (p + 1 < n && !Character.isWhitespace(line.charAt(p + 1))) {
                            return Optional.empty();
                        }
                        done = true;
                    } else {
                        current.append(c);
                    }
                } else if (Character.isWhitespace(c)) {
                    done = true;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else {
                    current.append(c);
                }
                p++;
            }
            args.add(current.toString());
        }
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> (char) 7;
            default -> c;
        };
    }

    private static boolean isHex(String line, int index) {
        return Character.digit(line.charAt(index), 16) >= 0;
    }
}

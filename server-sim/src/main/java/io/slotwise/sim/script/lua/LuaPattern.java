package io.slotwise.sim.script.lua;

/**
 * A Lua 5.1 pattern matched against one subject: character classes ({@code %a %c %d %l %p %s %u %w %x %z} and their
 * upper-case complements, {@code .}, sets with ranges), the quantifiers {@code * + - ?}, anchors, captures including
 * position captures, back-references {@code %1}..{@code %9}, {@code %b} and {@code %f}. Matching backtracks as Lua's
 * matcher does, in the ASCII "C" locale. One instance per match attempt sequence; not thread-safe.
 */
final class LuaPattern {
    static final int MAX_CAPTURES = 32;
    private static final int UNFINISHED = -1;
    private static final int POSITION = -2;

    private final LuaRuntime rt;
    private final String s;
    private final String p;
    private final int[] captureStart = new int[MAX_CAPTURES];
    private final int[] captureLength = new int[MAX_CAPTURES];
    private int level;

    LuaPattern(LuaRuntime rt, String subject, String pattern) {
        this.rt = rt;
        this.s = subject;
        this.p = pattern;
    }

    /**
     * Tries to match the pattern (from pattern index {@code pi}) at subject index {@code si}.
     *
     * @return the subject index after the match, or -1
     */
    int matchAt(int si, int pi) {
        level = 0;
        return match(si, pi);
    }

    /** Returns how many captures the last successful match made. */
    int captureCount() {
        return level;
    }

    /** Returns capture {@code i} of the last match, or the whole match when there are no captures and i is 0. */
    Object capture(int i, int start, int end) {
        if (i >= level) {
            if (i == 0) {
                return s.substring(start, end);
            }
            throw rt.error("invalid capture index");
        }
        int length = captureLength[i];
        if (length == UNFINISHED) {
            throw rt.error("unfinished capture");
        }
        if (length == POSITION) {
            return (double) (captureStart[i] + 1);
        }
        return s.substring(captureStart[i], captureStart[i] + length);
    }

    /** Returns the captures of the last match (the whole match if it has none). */
    Object[] captures(int start, int end) {
        int n = level == 0 ? 1 : level;
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = capture(i, start, end);
        }
        return values;
    }

    private int match(int si, int pi) {
        while (true) {
            if (pi == p.length()) {
                return si;
            }
            char c = p.charAt(pi);
            if (c == '(') {
                return pi + 1 < p.length() && p.charAt(pi + 1) == ')'
                        ? startCapture(si, pi + 2, POSITION)
                        : startCapture(si, pi + 1, UNFINISHED);
            }
            if (c == ')') {
                return endCapture(si, pi + 1);
            }
            if (c == '$' && pi + 1 == p.length()) {
                return si == s.length() ? si : -1;
            }
            if (c == '%' && pi + 1 < p.length()) {
                char next = p.charAt(pi + 1);
                if (next == 'b') {
                    si = matchBalance(si, pi + 2);
                    if (si < 0) {
                        return -1;
                    }
                    pi += 4;
                    continue;
                }
                if (next == 'f') {
                    pi += 2;
                    if (pi >= p.length() || p.charAt(pi) != '[') {
                        throw rt.error("missing '[' after '%f' in pattern");
                    }
                    int end = classEnd(pi);
                    char previous = si == 0 ? '\0' : s.charAt(si - 1);
                    char current = si < s.length() ? s.charAt(si) : '\0';
                    if (matchSet(previous, pi, end - 1) || !matchSet(current, pi, end - 1)) {
                        return -1;
                    }
                    pi = end;
                    continue;
                }
                if (Character.isDigit(next)) {
                    si = matchBackReference(si, next);
                    if (si < 0) {
                        return -1;
                    }
                    pi += 2;
                    continue;
                }
            }
            int end = classEnd(pi);
            boolean matches = si < s.length() && singleMatch(s.charAt(si), pi, end);
            char quantifier = end < p.length() ? p.charAt(end) : '\0';
            switch (quantifier) {
                case '?': {
                    if (matches) {
                        int r = match(si + 1, end + 1);
                        if (r >= 0) {
                            return r;
                        }
                    }
                    pi = end + 1;
                    continue;
                }
                case '*':
                    return maxExpand(si, pi, end);
                case '+':
                    return matches ? maxExpand(si + 1, pi, end) : -1;
                case '-':
                    return minExpand(si, pi, end);
                default:
                    if (!matches) {
                        return -1;
                    }
                    si++;
                    pi = end;
            }
        }
    }

    private int maxExpand(int si, int pi, int end) {
        int count = 0;
        while (si + count < s.length() && singleMatch(s.charAt(si + count), pi, end)) {
            count++;
        }
        while (count >= 0) {
            rt.tick();
            int r = match(si + count, end + 1);
            if (r >= 0) {
                return r;
            }
            count--;
        }
        return -1;
    }

    private int minExpand(int si, int pi, int end) {
        while (true) {
            rt.tick();
            int r = match(si, end + 1);
            if (r >= 0) {
                return r;
            }
            if (si < s.length() && singleMatch(s.charAt(si), pi, end)) {
                si++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int si, int pi, int what) {
        if (level >= MAX_CAPTURES) {
            throw rt.error("too many captures");
        }
        captureStart[level] = si;
        captureLength[level] = what;
        level++;
        int r = match(si, pi);
        if (r < 0) {
            level--;
        }
        return r;
    }

    private int endCapture(int si, int pi) {
        int open = -1;
        for (int i = level - 1; i >= 0; i--) {
            if (captureLength[i] == UNFINISHED) {
                open = i;
                break;
            }
        }
        if (open < 0) {
            throw rt.error("invalid pattern capture");
        }
        captureLength[open] = si - captureStart[open];
        int r = match(si, pi);
        if (r < 0) {
            captureLength[open] = UNFINISHED;
        }
        return r;
    }

    private int matchBalance(int si, int pi) {
        if (pi + 1 >= p.length()) {
            throw rt.error("missing arguments to '%b'");
        }
        if (si >= s.length() || s.charAt(si) != p.charAt(pi)) {
            return -1;
        }
        char open = p.charAt(pi);
        char close = p.charAt(pi + 1);
        int depth = 1;
        for (int i = si + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == close) {
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c == open) {
                depth++;
            }
        }
        return -1;
    }

    private int matchBackReference(int si, char digit) {
        int i = digit - '1';
        if (i < 0 || i >= level || captureLength[i] == UNFINISHED) {
            throw rt.error("invalid capture index");
        }
        String captured = s.substring(captureStart[i], captureStart[i] + captureLength[i]);
        return s.startsWith(captured, si) ? si + captured.length() : -1;
    }

    /** Returns the pattern index after the single-character class starting at {@code pi}. */
    private int classEnd(int pi) {
        char c = p.charAt(pi++);
        if (c == '%') {
            if (pi >= p.length()) {
                throw rt.error("malformed pattern (ends with '%')");
            }
            return pi + 1;
        }
        if (c == '[') {
            if (pi < p.length() && p.charAt(pi) == '^') {
                pi++;
            }
            do {
                if (pi >= p.length()) {
                    throw rt.error("malformed pattern (missing ']')");
                }
                char d = p.charAt(pi++);
                if (d == '%' && pi < p.length()) {
                    pi++;
                }
            } while (pi >= p.length() || p.charAt(pi) != ']');
            return pi + 1;
        }
        return pi;
    }

    private boolean singleMatch(char c, int pi, int end) {
        char pc = p.charAt(pi);
        return switch (pc) {
            case '.' -> true;
            case '%' -> matchClass(c, p.charAt(pi + 1));
            case '[' -> matchSet(c, pi, end - 1);
            default -> pc == c;
        };
    }

    /** Matches a set {@code [...]} from its '[' at {@code pi} to its ']' at {@code close}. */
    private boolean matchSet(char c, int pi, int close) {
        boolean include = true;
        if (p.charAt(pi + 1) == '^') {
            include = false;
            pi++;
        }
        while (++pi < close) {
            char pc = p.charAt(pi);
            if (pc == '%') {
                pi++;
                if (matchClass(c, p.charAt(pi))) {
                    return include;
                }
            } else if (p.charAt(pi + 1) == '-' && pi + 2 < close) {
                pi += 2;
                if (pc <= c && c <= p.charAt(pi)) {
                    return include;
                }
            } else if (pc == c) {
                return include;
            }
        }
        return !include;
    }

    static boolean matchClass(char c, char cl) {
        boolean result;
        switch (Character.toLowerCase(cl)) {
            case 'a' -> result = isAlpha(c);
            case 'c' -> result = c < 32 || c == 127;
            case 'd' -> result = c >= '0' && c <= '9';
            case 'l' -> result = c >= 'a' && c <= 'z';
            case 'p' -> result = c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
            case 's' -> result = c == ' ' || (c >= 9 && c <= 13);
            case 'u' -> result = c >= 'A' && c <= 'Z';
            case 'w' -> result = isAlpha(c) || (c >= '0' && c <= '9');
            case 'x' -> result = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'z' -> result = c == 0;
            default -> {
                return cl == c;
            }
        }
        return Character.isUpperCase(cl) ? !result : result;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

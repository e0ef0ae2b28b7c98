package io.slotwise.api.args;

/**
 * Matches keys against a Redis glob pattern as {@code SCAN ... MATCH} does: {@code *} any run of bytes, {@code ?} one
 * byte, {@code [abc]}, {@code [^abc]} and {@code [a-z]} one byte of (or not of) a set, {@code \x} the byte {@code x}
 * literally (also inside brackets). Bytes are compared exactly (no case folding). An unclosed {@code [} runs to the
 * end of the pattern, as in Redis. Stateless and thread-safe.
 */
final class GlobPattern {

    private GlobPattern() {}

    /**
     * Tells whether {@code text} matches {@code pattern} as a whole.
     *
     * @param pattern the glob pattern
     * @param text the key
     * @return {@code true} on a match
     */
    static boolean matches(byte[] pattern, byte[] text) {
        return matches(pattern, 0, text, 0);
    }

    private static boolean matches(byte[] pattern, int p, byte[] text, int t) {
        while (p < pattern.length) {
            byte c = pattern[p];
            if (c == '*') {
                while (p + 1 < pattern.length && pattern[p + 1] == '*') {
                    p++;
                }
                if (p + 1 == pattern.length) {
                    return true;
                }
                for (int from = t; from <= text.length; from++) {
                    if (matches(pattern, p + 1, text, from)) {
                        return true;
                    }
                }
                return false;
            }
            if (t == text.length) {
                return false;
            }
            if (c == '?') {
                p++;
            } else if (c == '[') {
                int end = classEnd(pattern, p + 1);
                if (!inClass(pattern, p + 1, end, text[t])) {
                    return false;
                }
                p = Math.min(end + 1, pattern.length);
            } else {
                if (c == '\\' && p + 1 < pattern.length) {
                    p++;
                }
                if (pattern[p] != text[t]) {
                    return false;
                }
                p++;
            }
            t++;
        }
        return t == text.length;
    }

    /** The index of the {@code ]} closing a class that starts at {@code from}, or the pattern's length. */
    private static int classEnd(byte[] pattern, int from) {
        int i = from;
        while (i < pattern.length && pattern[i] != ']') {
            i += pattern[i] == '\\' && i + 1 < pattern.length ? 2 : 1;
        }
        return i;
    }

    private static boolean inClass(byte[] pattern, int from, int end, byte b) {
        int i = from;
        boolean negated = i < end && pattern[i] == '^';
        if (negated) {
            i++;
        }
        boolean found = false;
        while (i < end) {
            int c = pattern[i] & 0xFF;
            if (c == '\\' && i + 1 < end) {
                found |= (pattern[i + 1] & 0xFF) == (b & 0xFF);
                i += 2;
            } else if (i + 2 < end && pattern[i + 1] == '-') {
                int low = Math.min(c, pattern[i + 2] & 0xFF);
                int high = Math.max(c, pattern[i + 2] & 0xFF);
                found |= (b & 0xFF) >= low && (b & 0xFF) <= high;
                i += 3;
            } else {
                found |= c == (b & 0xFF);
                i++;
            }
        }
        return found != negated;
    }
}

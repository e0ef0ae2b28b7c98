package io.slotwise.sim.keyspace;

/**
 * Glob-style matching with the semantics of Redis's {@code KEYS}, {@code SCAN MATCH} and {@code PSUBSCRIBE}
 * (case-sensitive, on bytes).
 *
 * <ul>
 *   <li>{@code *} matches any sequence of bytes, {@code ?} any single byte;
 *   <li>{@code [abc]} matches one listed byte, {@code [^abc]} one byte not listed, {@code [a-z]} a byte in the range
 *       (bounds may be given in either order; bytes compare unsigned); inside brackets {@code \x} stands for {@code x};
 *       {@code []} matches nothing and {@code [^]} any byte; an unclosed bracket extends to the end of the pattern;
 *   <li>{@code \x} matches {@code x} literally; a lone trailing backslash matches a backslash;
 *   <li>like Redis, a non-empty pattern never matches the empty string (callers special-case the pattern {@code *}).
 * </ul>
 *
 * Every token other than {@code *} consumes exactly one byte, so a single backtracking point suffices: matching takes
 * O(pattern length × subject length) time in the worst case and no recursion. Stateless and thread-safe.
 */
public final class GlobMatcher {
    private GlobMatcher() {}

    /** Returns whether {@code subject} matches {@code pattern}. */
    public static boolean matches(byte[] pattern, byte[] subject) {
        if (subject.length == 0) {
            return pattern.length == 0;
        }
        int p = 0;
        int s = 0;
        int starResume = -1;
        int starSubject = 0;
        while (s < subject.length) {
            if (p < pattern.length && pattern[p] == '*') {
                while (p < pattern.length && pattern[p] == '*') {
                    p++;
                }
                if (p == pattern.length) {
                    return true;
                }
                starResume = p;
                starSubject = s;
                continue;
            }
            int next = p < pattern.length ? matchOne(pattern, p, subject[s] & 0xFF) : -1;
            if (next >= 0) {
                p = next;
                s++;
            } else if (starResume >= 0) {
                p = starResume;
                s = ++starSubject;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    /** Returns whether {@code key} matches {@code pattern}. */
    public static boolean matches(byte[] pattern, Key key) {
        return matches(pattern, key.array());
    }

    /** Returns whether {@code member} matches {@code pattern}. */
    public static boolean matches(byte[] pattern, Bytes member) {
        return matches(pattern, member.array());
    }

    /**
     * Matches the single-byte token starting at {@code p} (not {@code *}) against {@code c}.
     *
     * @return the index after the token if it matches, otherwise -1
     */
    private static int matchOne(byte[] pattern, int p, int c) {
        switch (pattern[p]) {
            case '?':
                return p + 1;
            case '[':
                return matchClass(pattern, p + 1, c);
            case '\\':
                if (p + 1 < pattern.length) {
                    return (pattern[p + 1] & 0xFF) == c ? p + 2 : -1;
                }
                return c == '\\' ? p + 1 : -1;
            default:
                return (pattern[p] & 0xFF) == c ? p + 1 : -1;
        }
    }

    /** Matches a bracket class whose body starts at {@code p}; returns the index after it, or -1. */
    private static int matchClass(byte[] pattern, int p, int c) {
        boolean negated = p < pattern.length && pattern[p] == '^';
        if (negated) {
            p++;
        }
        boolean found = false;
        while (p < pattern.length && pattern[p] != ']') {
            int remaining = pattern.length - p;
            if (pattern[p] == '\\' && remaining >= 2) {
                found |= (pattern[p + 1] & 0xFF) == c;
                p += 2;
            } else if (remaining >= 3 && pattern[p + 1] == '-') {
                int low = pattern[p] & 0xFF;
                int high = pattern[p + 2] & 0xFF;
                found |= c >= Math.min(low, high) && c <= Math.max(low, high);
                p += 3;
            } else {
                found |= (pattern[p] & 0xFF) == c;
                p++;
            }
        }
        int next = p < pattern.length ? p + 1 : p;
        return found != negated ? next : -1;
    }
}

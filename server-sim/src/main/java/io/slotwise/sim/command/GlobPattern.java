package io.slotwise.sim.command;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Redis glob pattern ({@code stringmatchlen}), as used by CONFIG GET, KEYS and SCAN MATCH: {@code *} matches any
 * run of bytes, {@code ?} any one byte, {@code [abc]}, {@code [^abc]} and {@code [a-z]} a byte of (or not of) a set,
 * and a backslash makes the next byte literal. Matching is linear in practice: one backtracking point per star.
 * Immutable and thread-safe.
 */
public final class GlobPattern {
    private final byte[] pattern;
    private final boolean ignoreCase;

    private GlobPattern(byte[] pattern, boolean ignoreCase) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
    }

    /**
     * Compiles a pattern.
     *
     * @param pattern the pattern's bytes; copied
     * @param ignoreCase whether ASCII letters match regardless of case (CONFIG GET), or exactly (KEYS)
     * @return the pattern
     */
    public static GlobPattern of(byte[] pattern, boolean ignoreCase) {
        return new GlobPattern(Objects.requireNonNull(pattern, "pattern").clone(), ignoreCase);
    }

    /**
     * Compiles a pattern given as text (UTF-8).
     *
     * @param pattern the pattern
     * @param ignoreCase whether ASCII letters match regardless of case
     * @return the pattern
     */
    public static GlobPattern of(String pattern, boolean ignoreCase) {
        return new GlobPattern(pattern.getBytes(StandardCharsets.UTF_8), ignoreCase);
    }

    /**
     * Tests a string.
     *
     * @param text the text (UTF-8)
     * @return true if the whole text matches
     */
    public boolean matches(String text) {
        return matches(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Tests bytes.
     *
     * @param text the bytes
     * @return true if all of them match
     */
    public boolean matches(byte[] text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length) {
            if (p < pattern.length && pattern[p] == '*') {
                starP = p++;
                starT = t;
                continue;
            }
            int consumed = p < pattern.length ? matchOne(p, text[t]) : -1;
            if (consumed > 0) {
                p += consumed;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    /** Returns how many pattern bytes matched the text byte at p (never 0 on a match), or -1 if it does not match. */
    private int matchOne(int p, byte b) {
        byte token = pattern[p];
        if (token == '?') {
            return 1;
        }
        if (token == '[') {
            return matchClass(p, b);
        }
        if (token == '\\' && p + 1 < pattern.length) {
            return same(pattern[p + 1], b) ? 2 : -1;
        }
        return same(token, b) ? 1 : -1;
    }

    private int matchClass(int start, byte b) {
        int p = start + 1;
        boolean negate = p < pattern.length && pattern[p] == '^';
        if (negate) {
            p++;
        }
        boolean found = false;
        while (p < pattern.length && pattern[p] != ']') {
            if (pattern[p] == '\\' && p + 1 < pattern.length) {
                found |= same(pattern[p + 1], b);
                p += 2;
            } else if (p + 2 < pattern.length && pattern[p + 1] == '-' && pattern[p + 2] != ']') {
                int low = fold(pattern[p]);
                int high = fold(pattern[p + 2]);
                int c = fold(b);
                found |= Math.min(low, high) <= c && c <= Math.max(low, high);
                p += 3;
            } else {
                found |= same(pattern[p], b);
                p++;
            }
        }
        int consumed = (p < pattern.length ? p + 1 : p) - start;
        return found != negate ? consumed : -1;
    }

    private boolean same(byte a, byte b) {
        return fold(a) == fold(b);
    }

    private int fold(byte b) {
        int c = b & 0xFF;
        return ignoreCase && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /** Shows the pattern as text. */
    @Override
    public String toString() {
        return "GlobPattern[" + new String(pattern, StandardCharsets.UTF_8) + "]";
    }
}

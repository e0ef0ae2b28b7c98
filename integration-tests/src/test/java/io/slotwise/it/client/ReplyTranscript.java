package io.slotwise.it.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An ordered record of the replies a test received (or expected), one line per reply in a canonical text form, and a
 * SHA-256 digest of all lines. Two back-ends that answer a deterministic scenario identically produce the same digest,
 * so the digest can be printed, compared with the expected one, and compared between back-ends.
 *
 * <p>Rendering: {@code null} is {@code (nil)}, a string is quoted with {@code \}, {@code "} and control characters
 * escaped, a number is {@code :n}, a boolean {@code #t}/{@code #f}, a list {@code [a,b]}. Not thread-safe.
 */
public final class ReplyTranscript {

    /** Creates an empty transcript. */
    public ReplyTranscript() {}

    private final List<String> lines = new ArrayList<>();

    /**
     * Appends one reply.
     *
     * @param step what produced it, e.g. {@code GET key}
     * @param reply the reply: {@code null}, a {@link String}, {@link Number}, {@link Boolean} or a {@link List} of these
     */
    public void add(String step, Object reply) {
        StringBuilder line = new StringBuilder(step).append(" -> ");
        render(reply, line);
        lines.add(line.toString());
    }

    /** Returns how many replies were added. */
    public int size() {
        return lines.size();
    }

    /** Returns the SHA-256 of all lines, each followed by a newline, in UTF-8, as lower-case hex. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Describes the first line where this transcript and {@code other} differ, if any (truncated for messages). */
    public Optional<String> firstDifference(ReplyTranscript other) {
        int common = Math.min(lines.size(), other.lines.size());
        for (int i = 0; i < common; i++) {
            if (!lines.get(i).equals(other.lines.get(i))) {
                return Optional.of(
                        "line " + i + ": " + abbreviate(lines.get(i)) + " <> " + abbreviate(other.lines.get(i)));
            }
        }
        if (lines.size() != other.lines.size()) {
            return Optional.of("lengths differ: " + lines.size() + " <> " + other.lines.size());
        }
        return Optional.empty();
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "... (" + line.length() + " chars)";
    }

    private static void render(Object reply, StringBuilder out) {
        if (reply == null) {
            out.append("(nil)");
        } else if (reply instanceof String text) {
            quote(text, out);
        } else if (reply instanceof Number number) {
            out.append(':').append(number);
        } else if (reply instanceof Boolean bool) {
            out.append(bool ? "#t" : "#f");
        } else if (reply instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                render(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "cannot render a " + reply.getClass().getName());
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}

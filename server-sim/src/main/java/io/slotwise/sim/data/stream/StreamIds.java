package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.StreamId;
import java.nio.charset.StandardCharsets;

/**
 * Parses stream IDs in command arguments as Redis 7.0 does: {@code <ms>-<seq>}, or {@code <ms>} with the sequence
 * implied by the context; {@code -} and {@code +} where ranges allow them; each part read like C's {@code strtoull}
 * (leading blanks and a sign accepted, at most 2^64-1). Stateless.
 */
final class StreamIds {
    /** Redis's reply to any malformed ID. */
    static final String INVALID = "ERR Invalid stream ID specified as stream command argument";

    private static final int MAX_LENGTH = 127;

    private StreamIds() {}

    /**
     * Parses an ID that may be {@code -} or {@code +}.
     *
     * @param arg the argument
     * @param missingSeq the sequence of an ID given as milliseconds only
     * @throws CommandException {@link #INVALID}
     */
    static StreamId parse(byte[] arg, long missingSeq) {
        return parse(arg, missingSeq, false);
    }

    /** As {@link #parse(byte[], long)}, but {@code -} and {@code +} are invalid (XADD, XGROUP, XSETID, XDEL). */
    static StreamId parseStrict(byte[] arg, long missingSeq) {
        return parse(arg, missingSeq, true);
    }

    /**
     * Parses the start or end of an XRANGE interval, where {@code (} makes the bound exclusive.
     *
     * @param start true for the start (the sequence defaults to 0), false for the end (it defaults to the maximum)
     * @throws CommandException {@link #INVALID}, or {@code ERR invalid start/end ID for the interval} when an exclusive
     *     bound has no ID after (before) it
     */
    static StreamId parseInterval(byte[] arg, boolean start) {
        long missingSeq = start ? 0 : -1L;
        if (arg.length > 1 && arg[0] == '(') {
            byte[] rest = new byte[arg.length - 1];
            System.arraycopy(arg, 1, rest, 0, rest.length);
            StreamId id = parse(rest, missingSeq, true);
            StreamId moved = start ? id.next() : id.previous();
            if (moved == null) {
                throw new CommandException("ERR invalid " + (start ? "start" : "end") + " ID for the interval");
            }
            return moved;
        }
        return parse(arg, missingSeq, false);
    }

    /**
     * Parses XADD's ID argument when it is not {@code *}: {@code <ms>-*} leaves the sequence to the stream.
     *
     * @return the ID and whether the sequence was given
     */
    static AddId parseForAdd(byte[] arg) {
        if (arg.length >= 2 && arg[arg.length - 2] == '-' && arg[arg.length - 1] == '*') {
            byte[] ms = new byte[arg.length - 2];
            System.arraycopy(arg, 0, ms, 0, ms.length);
            Long parsed = ms.length > MAX_LENGTH ? null : unsigned(new String(ms, StandardCharsets.ISO_8859_1));
            if (parsed == null) {
                throw new CommandException(INVALID);
            }
            return new AddId(new StreamId(parsed, 0), false);
        }
        return new AddId(parseStrict(arg, 0), true);
    }

    /** An XADD ID: {@code seqGiven} is false for {@code <ms>-*}. */
    record AddId(StreamId id, boolean seqGiven) {}

    private static StreamId parse(byte[] arg, long missingSeq, boolean strict) {
        if (arg.length > MAX_LENGTH) {
            throw new CommandException(INVALID);
        }
        String text = new String(arg, StandardCharsets.ISO_8859_1);
        if (text.equals("-") || text.equals("+")) {
            if (strict) {
                throw new CommandException(INVALID);
            }
            return text.equals("-") ? StreamId.MIN : StreamId.MAX;
        }
        int dash = text.indexOf('-');
        Long ms = unsigned(dash < 0 ? text : text.substring(0, dash));
        Long seq = dash < 0 ? Long.valueOf(missingSeq) : unsigned(text.substring(dash + 1));
        if (ms == null || seq == null) {
            throw new CommandException(INVALID);
        }
        return new StreamId(ms, seq);
    }

    /** Reads an unsigned 64-bit number as Redis's {@code string2ull}; null if it is not one. */
    static Long unsigned(String text) {
        if (isStrictSigned(text)) {
            return text.charAt(0) == '-' ? null : parseDigits(text, 0);
        }
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (i >= text.length()) {
            return null;
        }
        Long magnitude = parseDigits(text, i);
        if (magnitude == null) {
            return null;
        }
        return negative ? -magnitude : magnitude;
    }

    private static boolean isStrictSigned(String text) {
        if (text.isEmpty() || text.length() > 20) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length() || (text.charAt(start) == '0' && text.length() > start + 1)) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !(start == 1 && text.equals("-0")) && fitsSigned(text);
    }

    private static boolean fitsSigned(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Long parseDigits(String text, int from) {
        long value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            int digit = c - '0';
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                return null;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}

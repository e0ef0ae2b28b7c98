package io.slotwise.sim.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a command can answer, as RESP3 types. {@link ReplyEncoder} writes each type natively on a RESP3
 * connection and downgrades it on a RESP2 connection exactly as Redis 7.0 does (see each type). The type names follow
 * the RESP3 specification; where Redis offers two RESP2 renderings of one RESP3 type (the null), the reply records
 * which one the command means.
 *
 * <p>All implementations are immutable value types, safe to share between threads. Records holding a {@code byte[]}
 * compare it by content; they do not copy it, so callers hand over ownership and must not modify it afterwards.
 * Nothing here accepts null components.
 */
public sealed interface Reply
        permits Reply.SimpleString,
                Reply.SimpleError,
                Reply.Int,
                Reply.Bulk,
                Reply.Null,
                Reply.Array,
                Reply.Map,
                Reply.Set,
                Reply.Double,
                Reply.Bool,
                Reply.BigNumber,
                Reply.Verbatim,
                Reply.Push,
                Reply.Attribute {

    /**
     * A status line, {@code +text}: the same in RESP2 and RESP3.
     *
     * @param bytes the text; must not contain CR or LF
     */
    record SimpleString(byte[] bytes) implements Reply {
        /** Rejects text that would break the line framing. */
        public SimpleString {
            requireSingleLine(bytes, "simple string");
        }

        /** Returns the text decoded as UTF-8. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SimpleString that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "SimpleString[" + text() + "]";
        }
    }

    /**
     * An error line, {@code -CODE message}: the same in RESP2 and RESP3. The bytes are written as given; like Redis's
     * own errors they should start with a code such as {@code ERR}, {@code MOVED} or {@code WRONGTYPE}.
     *
     * @param bytes the full error text without the leading '-'; must not contain CR or LF
     */
    record SimpleError(byte[] bytes) implements Reply {
        /** Rejects text that would break the line framing. */
        public SimpleError {
            requireSingleLine(bytes, "error");
        }

        /** Returns the error text decoded as UTF-8, for example {@code ERR Protocol error: invalid bulk length}. */
        public String message() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SimpleError that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "SimpleError[" + message() + "]";
        }
    }

    /**
     * A signed 64-bit integer, {@code :n}: the same in RESP2 and RESP3.
     *
     * @param value the integer
     */
    record Int(long value) implements Reply {}

    /**
     * A binary-safe string, {@code $len}: the same in RESP2 and RESP3.
     *
     * @param bytes the content, owned by the reply from now on
     */
    record Bulk(byte[] bytes) implements Reply {
        /** Rejects a null content (use {@link Reply#nullBulk()} for a missing value). */
        public Bulk {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bulk that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        /** Shows the length only: values may be secrets. */
        @Override
        public String toString() {
            return "Bulk[length=" + bytes.length + "]";
        }
    }

    /**
     * The absence of a value. RESP3 has one null, {@code _}; RESP2 has two, and the command chooses which one it means.
     *
     * @param resp2 how the null is written on a RESP2 connection
     */
    record Null(NullKind resp2) implements Reply {
        /** Rejects a missing kind. */
        public Null {
            Objects.requireNonNull(resp2, "resp2");
        }
    }

    /** The RESP2 rendering of a {@link Null}. */
    enum NullKind {
        /** The null bulk string {@code $-1}, as Redis's {@code addReplyNull} (GET of a missing key). */
        BULK,
        /** The null array {@code *-1}, as Redis's {@code addReplyNullArray} (EXEC aborted by WATCH, BLPOP timeout). */
        ARRAY
    }

    /**
     * An ordered sequence, {@code *n}: the same in RESP2 and RESP3.
     *
     * @param elements the elements, copied into an unmodifiable list
     */
    record Array(List<Reply> elements) implements Reply {
        /** Copies the elements, rejecting null ones. */
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /**
     * Key-value pairs in the order given, {@code %n} in RESP3; a flat array of 2n elements (key, value, ...) in RESP2.
     *
     * @param entries the pairs, copied into an unmodifiable list
     */
    record Map(List<Entry> entries) implements Reply {
        /** Copies the entries, rejecting null ones. */
        public Map {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One pair of a {@link Map} or of an {@link Attribute}.
     *
     * @param key the key
     * @param value the value
     */
    record Entry(Reply key, Reply value) {
        /** Rejects null halves. */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An unordered collection, {@code ~n} in RESP3; an array in RESP2.
     *
     * @param elements the elements in the order they are written, copied into an unmodifiable list
     */
    record Set(List<Reply> elements) implements Reply {
        /** Copies the elements, rejecting null ones. */
        public Set {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A floating point number. RESP3 writes {@code ,text}; RESP2 writes a bulk string of the same text. The text is
     * what Redis 7.0 prints: {@code inf} / {@code -inf} for infinities, otherwise C's {@code %.17g} (so 3.14 is written
     * {@code 3.1400000000000001}); see {@link DoubleFormat}. A command that prints its doubles another way (GEOPOS
     * writes {@code %.17Lf} without trailing zeros) gives the text explicitly.
     *
     * @param value the number
     * @param text the text to write instead of {@link DoubleFormat}'s, or null for the default
     */
    record Double(double value, String text) implements Reply {
        /** Checks that an explicit text is a single line. */
        public Double {
            if (text != null) {
                requireSingleLine(text.getBytes(StandardCharsets.US_ASCII), "double text");
            }
        }

        /**
         * A number written as {@link DoubleFormat} prints it.
         *
         * @param value the number
         */
        public Double(double value) {
            this(value, null);
        }
    }

    /**
     * A boolean, {@code #t} / {@code #f} in RESP3; the integer 1 / 0 in RESP2.
     *
     * @param value the boolean
     */
    record Bool(boolean value) implements Reply {}

    /**
     * An integer of any size, {@code (digits} in RESP3; a bulk string of the digits in RESP2.
     *
     * @param digits an optional '-' followed by one or more decimal digits
     */
    record BigNumber(String digits) implements Reply {
        /** Rejects anything that is not a decimal integer. */
        public BigNumber {
            if (!digits.matches("-?[0-9]+")) {
                throw new IllegalArgumentException("not a decimal integer: " + digits);
            }
        }
    }

    /**
     * Text with a format hint, {@code =len} with {@code fmt:} before the text in RESP3; a bulk string of the text only
     * in RESP2. Redis uses the format {@code txt} (INFO, CLUSTER NODES, CLIENT LIST) and {@code mkd}.
     *
     * @param format exactly three ASCII characters other than ':' and CR/LF
     * @param text the content, owned by the reply from now on
     */
    record Verbatim(String format, byte[] text) implements Reply {
        /** Validates the format. */
        public Verbatim {
            if (format.length() != 3 || !format.chars().allMatch(c -> c > ' ' && c < 127 && c != ':')) {
                throw new IllegalArgumentException("a verbatim format is three printable ASCII characters: " + format);
            }
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Verbatim that && format.equals(that.format) && Arrays.equals(text, that.text);
        }

        @Override
        public int hashCode() {
            return 31 * format.hashCode() + Arrays.hashCode(text);
        }

        /** Shows the format and the length only. */
        @Override
        public String toString() {
            return "Verbatim[" + format + ", length=" + text.length + "]";
        }
    }

    /**
     * Out-of-band data (pub/sub messages, client-side caching invalidations), {@code >n} in RESP3; an array in RESP2.
     *
     * @param elements the elements, copied into an unmodifiable list
     */
    record Push(List<Reply> elements) implements Reply {
        /** Copies the elements, rejecting null ones. */
        public Push {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A reply preceded by auxiliary key-value data, {@code |n} then the pairs then the reply in RESP3. RESP2 cannot
     * express attributes: only the reply is written, as Redis does (DEBUG PROTOCOL attrib).
     *
     * @param attributes the auxiliary pairs, copied into an unmodifiable list
     * @param reply the reply they describe
     */
    record Attribute(List<Entry> attributes, Reply reply) implements Reply {
        /** Copies the attributes, rejecting null ones. */
        public Attribute {
            attributes = List.copyOf(attributes);
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Returns {@code +OK}. */
    static Reply ok() {
        return simple("OK");
    }

    /**
     * Returns a status reply.
     *
     * @param text the status, without CR or LF
     * @return {@code +text}
     */
    static SimpleString simple(String text) {
        return new SimpleString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns an error reply.
     *
     * @param message the full error text starting with its code, for example {@code ERR syntax error}; no CR or LF
     * @return {@code -message}
     */
    static SimpleError error(String message) {
        return new SimpleError(message.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns an integer reply. */
    static Int integer(long value) {
        return new Int(value);
    }

    /** Returns a bulk string reply of the UTF-8 bytes of {@code text}. */
    static Bulk bulk(String text) {
        return new Bulk(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a bulk string reply that takes ownership of {@code bytes}. */
    static Bulk bulk(byte[] bytes) {
        return new Bulk(bytes);
    }

    /** Returns the null that RESP2 writes as the null bulk string {@code $-1}. */
    static Null nullBulk() {
        return new Null(NullKind.BULK);
    }

    /** Returns the null that RESP2 writes as the null array {@code *-1}. */
    static Null nullArray() {
        return new Null(NullKind.ARRAY);
    }

    /** Returns an array reply of the given elements. */
    static Array array(Reply... elements) {
        return new Array(List.of(elements));
    }

    /** Returns a map entry. */
    static Entry entry(Reply key, Reply value) {
        return new Entry(key, value);
    }

    /** Returns a map reply of the given entries, in order. */
    static Map map(Entry... entries) {
        return new Map(List.of(entries));
    }

    /** Returns a set reply of the given elements, in order. */
    static Set set(Reply... elements) {
        return new Set(List.of(elements));
    }

    /** Returns a double reply. */
    static Double doubleValue(double value) {
        return new Double(value);
    }

    /** Returns a boolean reply. */
    static Bool bool(boolean value) {
        return new Bool(value);
    }

    /** Returns a verbatim string reply of the UTF-8 bytes of {@code text} with the {@code txt} format. */
    static Verbatim verbatimText(String text) {
        return new Verbatim("txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a push reply of the given elements. */
    static Push push(Reply... elements) {
        return new Push(List.of(elements));
    }

    private static void requireSingleLine(byte[] bytes, String what) {
        Objects.requireNonNull(bytes, what);
        for (byte b : bytes) {
            if (b == '\r' || b == '\n') {
                throw new IllegalArgumentException("a " + what + " cannot contain CR or LF");
            }
        }
    }
}

package io.slotwise.resp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One decoded Redis reply, RESP2 or RESP3, as an immutable value. Carries no transport types: decoders copy everything
 * they need out of their buffers before building a value.
 *
 * <p>Every implementation is a nested record, so a {@code RespValue} can be taken apart with {@code instanceof}
 * patterns. Wire types map as follows: {@code +} {@link SimpleString}; {@code -} and {@code !} {@link Error};
 * {@code :} {@link Int}; {@code $} {@link Bulk}; {@code $-1}, {@code *-1} and {@code _} {@link Null}; {@code *}
 * {@link Array}; {@code %} {@link Map}; {@code ~} {@link Set}; {@code ,} {@link Double}; {@code #} {@link Boolean};
 * {@code (} {@link BigNumber}; {@code =} {@link Verbatim}; {@code >} {@link Push}.
 *
 * <p>Attributes ({@code |}): Redis sends an attribute map <em>before</em> the value it annotates. Decoders attach it to
 * that following value by wrapping it in {@link Attributed}, at whatever level the value appears (a whole reply or an
 * element of an aggregate). Attributes never count as aggregate elements. Code that does not care about attributes
 * calls {@link #withoutAttributes()}.
 *
 * <p>All values are immutable and thread-safe; none of their components is {@code null}. Aggregates are compared by
 * content, in wire order.
 */
public sealed interface RespValue {

    /**
     * Tells whether this value is an error reply.
     *
     * @return {@code true} for {@link Error}, also when it carries attributes
     */
    default boolean isError() {
        return withoutAttributes() instanceof Error;
    }

    /**
     * Tells whether this value is the null reply.
     *
     * @return {@code true} for {@link Null}, also when it carries attributes
     */
    default boolean isNull() {
        return withoutAttributes() instanceof Null;
    }

    /**
     * Returns this value without any attributes attached in front of it. Attributes on nested elements are kept.
     *
     * @return the annotated value for {@link Attributed}, otherwise {@code this}
     */
    default RespValue withoutAttributes() {
        return this;
    }

    /**
     * A simple string ({@code +OK}), decoded as UTF-8.
     *
     * @param value the text after {@code +}, without CRLF
     */
    record SimpleString(String value) implements RespValue {
        /** The {@code +OK} reply. */
        public static final SimpleString OK = new SimpleString("OK");

        /** Checks the component. */
        public SimpleString {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An error reply: a simple error ({@code -ERR ...}) or a RESP3 blob error ({@code !}), decoded as UTF-8.
     *
     * @param message the whole error text, starting with its code, for example {@code MOVED 3999 127.0.0.1:6381}
     */
    record Error(String message) implements RespValue {
        /** Checks the component. */
        public Error {
            Objects.requireNonNull(message, "message");
        }

        /**
         * Returns the error code: the text up to the first space, by Redis convention (ERR, WRONGTYPE, MOVED, ASK,
         * TRYAGAIN, CLUSTERDOWN...).
         *
         * @return the first word of the message; the whole message if it has no space
         */
        public String code() {
            int space = message.indexOf(' ');
            return space < 0 ? message : message.substring(0, space);
        }
    }

    /**
     * An integer reply ({@code :42}).
     *
     * @param value the signed 64-bit value
     */
    record Int(long value) implements RespValue {}

    /**
     * A bulk string ({@code $5\r\nhello\r\n}): binary-safe bytes.
     *
     * <p>Ownership: the constructor takes the array <em>without copying</em>; whoever passes it must not modify it
     * afterwards (decoders hand over freshly filled arrays). Use {@link #copyOf(byte[])} to keep using an array.
     * {@link #bytes()} returns a copy, so the value cannot be mutated through it; {@link #asReadOnlyBuffer()} gives
     * copy-free read access. {@code equals} and {@code hashCode} use the content; {@code toString} shows only the length, because
     * reply payloads may hold secrets and {@code toString} ends up in logs and exception messages.
     *
     * @param bytes the payload; may be empty
     */
    record Bulk(byte[] bytes) implements RespValue {
        /** Checks the component and takes ownership of the array (see the type's documentation). */
        public Bulk {
            Objects.requireNonNull(bytes, "bytes");
        }

        /**
         * Creates a bulk string from a copy of an array.
         *
         * @param bytes the payload, never {@code null}; the caller keeps ownership
         * @return a bulk string with the same content
         */
        public static Bulk copyOf(byte[] bytes) {
            return new Bulk(bytes.clone());
        }

        /**
         * Creates a bulk string from text encoded as UTF-8.
         *
         * @param text the text, never {@code null}
         * @return a bulk string holding the UTF-8 bytes
         */
        public static Bulk of(String text) {
            return new Bulk(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Returns a copy of the payload.
         *
         * @return a new array the caller owns
         */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * Returns the payload length in bytes.
         *
         * @return the length, {@code >= 0}
         */
        public int length() {
            return bytes.length;
        }

        /**
         * Returns a read-only view of the payload, without copying.
         *
         * @return a new read-only buffer positioned at 0, limited at {@link #length()}
         */
        public ByteBuffer asReadOnlyBuffer() {
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        /**
         * Decodes the payload as UTF-8; malformed sequences become U+FFFD.
         *
         * @return the text
         */
        public String asString() {
            return asString(StandardCharsets.UTF_8);
        }

        /**
         * Decodes the payload with a charset; malformed sequences become the charset's replacement.
         *
         * @param charset the charset, never {@code null}
         * @return the text
         */
        public String asString(Charset charset) {
            return new String(bytes, charset);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bulk that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        /**
         * Shows the payload as escaped ASCII, truncated after 64 bytes. Payloads are user data: callers decide whether
         * they may be logged.
         */
        @Override
        public String toString() {
            return "Bulk[" + bytes.length + " bytes]";
        }
    }

    /**
     * The null reply. RESP2 sends it as a null bulk string ({@code $-1}) or a null array ({@code *-1}), RESP3 as
     * {@code _}; Redis uses all three to mean "no value", so they decode to this one value. All instances are equal.
     */
    record Null() implements RespValue {
        /** The shared instance. */
        public static final Null INSTANCE = new Null();
    }

    /**
     * An array ({@code *}): ordered elements, possibly nested.
     *
     * @param elements the elements in wire order; copied into an immutable list
     */
    record Array(List<RespValue> elements) implements RespValue {
        /** Copies the elements into an immutable list, rejecting {@code null} elements. */
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A RESP3 map ({@code %}): entries in wire order; keys and values may be any value, aggregates included. Duplicate
     * keys are kept as sent.
     *
     * @param entries the entries in wire order; copied into an immutable list
     */
    record Map(List<Entry> entries) implements RespValue {
        /** Copies the entries into an immutable list, rejecting {@code null} entries. */
        public Map {
            entries = List.copyOf(entries);
        }

        /**
         * One key/value pair of a {@link Map}.
         *
         * @param key the key, never {@code null}
         * @param value the value, never {@code null}
         */
        public record Entry(RespValue key, RespValue value) {
            /** Checks the components. */
            public Entry {
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(value, "value");
            }
        }
    }

    /**
     * A RESP3 set ({@code ~}): elements in wire order, as sent (no de-duplication).
     *
     * @param elements the elements; copied into an immutable list
     */
    record Set(List<RespValue> elements) implements RespValue {
        /** Copies the elements into an immutable list, rejecting {@code null} elements. */
        public Set {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A RESP3 double ({@code ,3.14}, {@code ,inf}, {@code ,-inf}, {@code ,nan}). Equality follows
     * {@code java.lang.Double.compare}: NaN equals NaN, 0.0 differs from -0.0.
     *
     * @param value the value, possibly infinite or NaN
     */
    record Double(double value) implements RespValue {}

    /**
     * A RESP3 boolean ({@code #t} or {@code #f}).
     *
     * @param value the value
     */
    record Boolean(boolean value) implements RespValue {}

    /**
     * A RESP3 big number ({@code (3492890328409238509324850943850943825024385}).
     *
     * @param value the value, never {@code null}
     */
    record BigNumber(BigInteger value) implements RespValue {
        /** Checks the component. */
        public BigNumber {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A RESP3 verbatim string ({@code =15\r\ntxt:Some string\r\n}), decoded as UTF-8.
     *
     * @param format the three-character format, for example {@code txt} or {@code mkd}
     * @param text the text after {@code format:}
     */
    record Verbatim(String format, String text) implements RespValue {
        /** Checks the components. */
        public Verbatim {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A RESP3 push message ({@code >}): out-of-band data such as pub/sub messages or client-side caching
     * invalidations. Not a reply to any command.
     *
     * @param kind the first element as text, for example {@code message} or {@code invalidate}
     * @param data the remaining elements in wire order; copied into an immutable list
     */
    record Push(String kind, List<RespValue> data) implements RespValue {
        /** Checks the kind and copies the data into an immutable list. */
        public Push {
            Objects.requireNonNull(kind, "kind");
            data = List.copyOf(data);
        }
    }

    /**
     * A value together with the RESP3 attributes ({@code |}) that preceded it on the wire. Several attribute maps in a
     * row nest: the first one received is the outermost wrapper.
     *
     * @param attributes the attribute map, never {@code null}
     * @param value the annotated value, never {@code null}
     */
    record Attributed(Map attributes, RespValue value) implements RespValue {
        /** Checks the components. */
        public Attributed {
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public RespValue withoutAttributes() {
            return value.withoutAttributes();
        }
    }
}

package io.slotwise.it.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One RESP2 or RESP3 reply exactly as it came over the wire: its type byte, its own bytes and its children, so that two
 * servers' replies can be compared type for type (a simple string is not a bulk string, a map is not an array, a RESP2
 * {@code $-1} is not a RESP3 {@code _}). Immutable apart from the payload array, which nobody modifies.
 *
 * @param type the RESP type byte: {@code + - : , ( # _ $ ! = * ~ % > |}
 * @param payload the line ({@code + - : , ( #}) or the bulk content ({@code $ ! =}); {@code null} for a null bulk
 *     ({@code $-1}), a null array ({@code *-1}), {@code _} and aggregates
 * @param children the elements of an aggregate ({@code * ~ > %}, a map's keys and values alternating; for an attribute
 *     {@code |} its key/value pairs followed by the reply it annotates); {@code null} for a null array and for the rest
 */
record WireReply(char type, byte[] payload, List<WireReply> children) {

    /** Requires a known type and copies the child list. */
    WireReply {
        if ("+-:,(#_$!=*~%>|".indexOf(type) < 0) {
            throw new IllegalArgumentException("unknown RESP type '" + type + "'");
        }
        children = children == null ? null : List.copyOf(children);
    }

    /** Returns a line or bulk reply of {@code type} with {@code text} as UTF-8. */
    static WireReply of(char type, String text) {
        return new WireReply(type, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Returns an aggregate of {@code type}. */
    static WireReply aggregate(char type, List<WireReply> children) {
        return new WireReply(type, null, children);
    }

    /** Returns the payload decoded as UTF-8, or {@code ""} if there is none. */
    String text() {
        return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
    }

    /** Returns a copy with another payload (same type, same children). */
    WireReply withPayload(byte[] newPayload) {
        return new WireReply(type, newPayload, children);
    }

    /** Returns a copy with other children (same type). */
    WireReply withChildren(List<WireReply> newChildren) {
        return new WireReply(type, payload, newChildren);
    }

    /**
     * Returns one line that shows everything that distinguishes two replies: the type byte, then the payload in double
     * quotes with control bytes, quotes, backslashes and non-ASCII bytes escaped (numbers and booleans unquoted), or
     * the children in brackets. Examples: {@code +"OK"}, {@code :1}, {@code $-1}, {@code *[$"a", :1]},
     * {@code %[$"k", $"v"]}.
     */
    String render() {
        StringBuilder out = new StringBuilder();
        render(out);
        return out.toString();
    }

    private void render(StringBuilder out) {
        out.append(type);
        if (payload != null && ":,(#".indexOf(type) >= 0) {
            out.append(new String(payload, StandardCharsets.ISO_8859_1));
        } else if (payload != null) {
            appendQuoted(out, payload);
        } else if (children != null) {
            out.append('[');
            for (int i = 0; i < children.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                children.get(i).render(out);
            }
            out.append(']');
        } else if (type != '_') {
            out.append("-1");
        }
    }

    /** Appends {@code bytes} in double quotes, printable ASCII as is and everything else as an escape. */
    static void appendQuoted(StringBuilder out, byte[] bytes) {
        out.append('"');
        for (byte b : bytes) {
            int c = b & 0xFF;
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        out.append((char) c);
                    } else {
                        out.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WireReply that
                && type == that.type
                && Arrays.equals(payload, that.payload)
                && Objects.equals(children, that.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(payload), children);
    }

    @Override
    public String toString() {
        return render();
    }
}

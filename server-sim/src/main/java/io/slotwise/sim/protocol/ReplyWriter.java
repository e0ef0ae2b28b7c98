package io.slotwise.sim.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link Reply} in RESP2 or RESP3 into a {@link ByteBuf}, with Redis 7.0's downgrades on RESP2: map to a flat
 * array of 2n, set and push to an array, double and big number to a bulk string, boolean to the integer 1 or 0, null to
 * {@code $-1} or {@code *-1} as the reply chose, verbatim to a bulk string of its text, attribute to its reply alone.
 * Stateless and thread-safe; the buffer is the caller's.
 */
public final class ReplyWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_RESP3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);

    private ReplyWriter() {}

    /**
     * Appends one reply, nested replies included, at the buffer's writer index.
     *
     * @param reply the reply
     * @param version the protocol of the connection it is for
     * @param out the buffer to append to; grows as needed
     */
    public static void write(Reply reply, RespVersion version, ByteBuf out) {
        boolean resp3 = version == RespVersion.RESP3;
        if (reply instanceof Reply.SimpleString simple) {
            writeLine(out, '+', simple.bytes());
        } else if (reply instanceof Reply.SimpleError error) {
            writeLine(out, '-', error.bytes());
        } else if (reply instanceof Reply.Int integer) {
            writeNumberLine(out, ':', integer.value());
        } else if (reply instanceof Reply.Bulk bulk) {
            writeBulk(out, bulk.bytes());
        } else if (reply instanceof Reply.Null nullReply) {
            out.writeBytes(resp3 ? NULL_RESP3 : nullReply.resp2() == Reply.NullKind.BULK ? NULL_BULK : NULL_ARRAY);
        } else if (reply instanceof Reply.Array array) {
            writeAggregate(out, '*', array.elements(), version);
        } else if (reply instanceof Reply.Map map) {
            writeEntries(out, resp3 ? '%' : '*', map.entries(), version);
        } else if (reply instanceof Reply.Set set) {
            writeAggregate(out, resp3 ? '~' : '*', set.elements(), version);
        } else if (reply instanceof Reply.Double number) {
            byte[] text = (number.text() != null ? number.text() : DoubleFormat.format(number.value()))
                    .getBytes(StandardCharsets.US_ASCII);
            if (resp3) {
                writeLine(out, ',', text);
            } else {
                writeBulk(out, text);
            }
        } else if (reply instanceof Reply.Bool bool) {
            if (resp3) {
                out.writeByte('#').writeByte(bool.value() ? 't' : 'f').writeBytes(CRLF);
            } else {
                writeNumberLine(out, ':', bool.value() ? 1 : 0);
            }
        } else if (reply instanceof Reply.BigNumber big) {
            byte[] digits = big.digits().getBytes(StandardCharsets.US_ASCII);
            if (resp3) {
                writeLine(out, '(', digits);
            } else {
                writeBulk(out, digits);
            }
        } else if (reply instanceof Reply.Verbatim verbatim) {
            writeVerbatim(out, verbatim, resp3);
        } else if (reply instanceof Reply.Push push) {
            writeAggregate(out, resp3 ? '>' : '*', push.elements(), version);
        } else if (reply instanceof Reply.Attribute attribute) {
            if (resp3) {
                writeEntries(out, '|', attribute.attributes(), version);
            }
            write(attribute.reply(), version, out);
        } else {
            throw new IllegalArgumentException("unknown reply type: " + reply.getClass());
        }
    }

    private static void writeVerbatim(ByteBuf out, Reply.Verbatim verbatim, boolean resp3) {
        if (!resp3) {
            writeBulk(out, verbatim.text());
            return;
        }
        writeNumberLine(out, '=', verbatim.text().length + 4L);
        out.writeCharSequence(verbatim.format(), StandardCharsets.US_ASCII);
        out.writeByte(':');
        out.writeBytes(verbatim.text());
        out.writeBytes(CRLF);
    }

    private static void writeAggregate(ByteBuf out, char type, List<Reply> elements, RespVersion version) {
        writeNumberLine(out, type, elements.size());
        for (Reply element : elements) {
            write(element, version, out);
        }
    }

    private static void writeEntries(ByteBuf out, char type, List<Reply.Entry> entries, RespVersion version) {
        writeNumberLine(out, type, type == '*' ? 2L * entries.size() : entries.size());
        for (Reply.Entry entry : entries) {
            write(entry.key(), version, out);
            write(entry.value(), version, out);
        }
    }

    private static void writeBulk(ByteBuf out, byte[] bytes) {
        writeNumberLine(out, '$', bytes.length);
        out.writeBytes(bytes);
        out.writeBytes(CRLF);
    }

    private static void writeLine(ByteBuf out, char type, byte[] text) {
        out.writeByte(type);
        out.writeBytes(text);
        out.writeBytes(CRLF);
    }

    private static void writeNumberLine(ByteBuf out, char type, long value) {
        out.writeByte(type);
        out.writeCharSequence(Long.toString(value), StandardCharsets.US_ASCII);
        out.writeBytes(CRLF);
    }
}

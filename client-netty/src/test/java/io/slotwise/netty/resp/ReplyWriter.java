package io.slotwise.netty.resp;

import io.slotwise.resp.RespValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link RespValue}s as RESP3 wire bytes, the way a server would: the test-side counterpart of the decoder,
 * written independently of it, for round-trip and fuzz tests.
 */
final class ReplyWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static byte[] toWire(RespValue value) {
        ReplyWriter writer = new ReplyWriter();
        writer.write(value);
        return writer.out.toByteArray();
    }

    private void write(RespValue value) {
        if (value instanceof RespValue.SimpleString v) {
            line('+', v.value());
        } else if (value instanceof RespValue.Error v) {
            if (v.message().contains("\r") || v.message().contains("\n")) {
                blob('!', v.message().getBytes(StandardCharsets.UTF_8));
            } else {
                line('-', v.message());
            }
        } else if (value instanceof RespValue.Int v) {
            line(':', Long.toString(v.value()));
        } else if (value instanceof RespValue.Bulk v) {
            blob('$', v.bytes());
        } else if (value instanceof RespValue.Null) {
            line('_', "");
        } else if (value instanceof RespValue.Array v) {
            line('*', Integer.toString(v.elements().size()));
            v.elements().forEach(this::write);
        } else if (value instanceof RespValue.Map v) {
            mapBody('%', v);
        } else if (value instanceof RespValue.Set v) {
            line('~', Integer.toString(v.elements().size()));
            v.elements().forEach(this::write);
        } else if (value instanceof RespValue.Double v) {
            line(',', doubleText(v.value()));
        } else if (value instanceof RespValue.Boolean v) {
            line('#', v.value() ? "t" : "f");
        } else if (value instanceof RespValue.BigNumber v) {
            line('(', v.value().toString());
        } else if (value instanceof RespValue.Verbatim v) {
            blob('=', (v.format() + ":" + v.text()).getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof RespValue.Push v) {
            line('>', Integer.toString(v.data().size() + 1));
            blob('$', v.kind().getBytes(StandardCharsets.UTF_8));
            v.data().forEach(this::write);
        } else if (value instanceof RespValue.Attributed v) {
            mapBody('|', v.attributes());
            write(v.value());
        } else {
            throw new IllegalArgumentException("Unknown value " + value);
        }
    }

    private void mapBody(char marker, RespValue.Map map) {
        line(marker, Integer.toString(map.entries().size()));
        for (RespValue.Map.Entry entry : map.entries()) {
            write(entry.key());
            write(entry.value());
        }
    }

    private static String doubleText(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    private void line(char marker, String text) {
        out.write(marker);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    private void blob(char marker, byte[] payload) {
        line(marker, Integer.toString(payload.length));
        out.writeBytes(payload);
        out.write('\r');
        out.write('\n');
    }
}

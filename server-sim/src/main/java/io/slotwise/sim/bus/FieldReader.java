package io.slotwise.sim.bus;

import io.netty.buffer.ByteBuf;
import io.slotwise.sim.cluster.NodeId;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reads of the wire format's field types from a frame body. Every short read or malformed field raises
 * {@link BusProtocolException} naming the field, so a truncated or corrupted frame never escapes as an
 * {@link IndexOutOfBoundsException}. Stateless.
 */
final class FieldReader {

    private FieldReader() {}

    static int readUnsignedByte(ByteBuf in, String field) {
        require(in, 1, field);
        return in.readUnsignedByte();
    }

    static int readUnsignedShort(ByteBuf in, String field) {
        require(in, 2, field);
        return in.readUnsignedShort();
    }

    static long readLong(ByteBuf in, String field) {
        require(in, 8, field);
        long value = in.readLong();
        if (value < 0) {
            throw new BusProtocolException(field + " is out of range");
        }
        return value;
    }

    static String readNodeId(ByteBuf in, String field) {
        require(in, NodeId.LENGTH, field);
        String id =
                in.readCharSequence(NodeId.LENGTH, StandardCharsets.US_ASCII).toString();
        if (!NodeId.isWellFormed(id)) {
            throw new BusProtocolException(field + " is not a node ID");
        }
        return id;
    }

    static String readText(ByteBuf in, String field) {
        int length = readUnsignedByte(in, field);
        require(in, length, field);
        String text = in.readCharSequence(length, StandardCharsets.US_ASCII).toString();
        try {
            return WireValues.requireText(text, field);
        } catch (IllegalArgumentException e) {
            throw new BusProtocolException(e.getMessage());
        }
    }

    static byte[] readBlob(ByteBuf in, String field) {
        require(in, 4, field);
        long length = in.readUnsignedInt();
        if (length > in.readableBytes()) {
            throw new BusProtocolException(field + " length " + length + " exceeds the frame");
        }
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        return bytes;
    }

    private static void require(ByteBuf in, int length, String field) {
        if (in.readableBytes() < length) {
            throw new BusProtocolException("frame ends inside " + field);
        }
    }
}

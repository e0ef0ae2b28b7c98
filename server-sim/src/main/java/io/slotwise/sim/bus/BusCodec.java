package io.slotwise.sim.bus;

import io.netty.buffer.ByteBuf;
import io.slotwise.sim.cluster.ClusterMessageType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes bus frames (the format is specified in this package's documentation). Pure functions over
 * {@link ByteBuf}s: the codec never retains or releases the buffers it is given. Stateless and thread-safe.
 */
final class BusCodec {

    /** The first four bytes of every frame: {@code "SWCB"} (Slotwise cluster bus). */
    static final int MAGIC = 0x53574342;

    /** The only format version this codec reads and writes. */
    static final int VERSION = 1;

    /** Bytes before the body: magic, version, type, body length. */
    static final int PREFIX_LENGTH = 10;

    /** The largest body accepted; larger declared lengths are rejected before buffering. */
    static final int MAX_BODY_LENGTH = 8 * 1024 * 1024;

    private static final ClusterMessageType[] TYPES = ClusterMessageType.values();

    private BusCodec() {}

    /** The validated frame prefix: the message type and how many body bytes follow. */
    record Prefix(ClusterMessageType type, int bodyLength) {}

    static void encode(BusMessage message, ByteBuf out) {
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(message.type().ordinal());
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        int bodyStart = out.writerIndex();
        writeHeader(message.header(), out);
        writePayload(message.payload(), out);
        int bodyLength = out.writerIndex() - bodyStart;
        if (bodyLength > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("bus message body of " + bodyLength + " bytes exceeds the limit");
        }
        out.setInt(lengthIndex, bodyLength);
    }

    /**
     * Validates the prefix at the reader index without consuming it.
     *
     * @param in at least {@link #PREFIX_LENGTH} readable bytes
     * @return the type and body length
     * @throws BusProtocolException for a wrong magic, version, type or length
     */
    static Prefix readPrefix(ByteBuf in) {
        int at = in.readerIndex();
        if (in.getInt(at) != MAGIC) {
            throw new BusProtocolException("bad magic: not a Slotwise bus frame");
        }
        int version = in.getUnsignedByte(at + 4);
        if (version != VERSION) {
            throw new BusProtocolException("unsupported bus format version " + version);
        }
        int code = in.getUnsignedByte(at + 5);
        if (code >= TYPES.length || TYPES[code] == ClusterMessageType.MODULE) {
            throw new BusProtocolException("unsupported bus message type " + code);
        }
        long length = in.getUnsignedInt(at + 6);
        if (length > MAX_BODY_LENGTH) {
            throw new BusProtocolException("bus frame body of " + length + " bytes exceeds the limit");
        }
        return new Prefix(TYPES[code], (int) length);
    }

    /**
     * Decodes a body, which must be consumed exactly.
     *
     * @param type the type from the prefix
     * @param body exactly the body bytes
     * @return the message
     * @throws BusProtocolException if a field is malformed, the body is short, or bytes are left over
     */
    static BusMessage decodeBody(ClusterMessageType type, ByteBuf body) {
        try {
            BusHeader header = readHeader(body);
            BusPayload payload = readPayload(type, body);
            if (body.isReadable()) {
                throw new BusProtocolException(body.readableBytes() + " unexpected bytes after the " + type + " body");
            }
            return new BusMessage(type, header, payload);
        } catch (IllegalArgumentException e) {
            throw new BusProtocolException("malformed " + type + ": " + e.getMessage());
        }
    }

    private static void writeHeader(BusHeader header, ByteBuf out) {
        writeAscii(header.senderId(), out);
        out.writeLong(header.currentEpoch());
        out.writeLong(header.configEpoch());
        out.writeLong(header.replicationOffset());
        out.writeShort(header.port());
        out.writeShort(header.busPort());
        out.writeShort(NodeFlagBits.encode(header.flags()));
        out.writeByte(header.clusterOk() ? 0 : 1);
        out.writeByte(MessageFlag.encode(header.messageFlags()));
        writeText(header.ip(), out);
        writeText(header.hostname(), out);
        if (header.masterId() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writeAscii(header.masterId(), out);
        }
        SlotRanges.write(header.slotBits(), out);
    }

    private static BusHeader readHeader(ByteBuf in) {
        String sender = FieldReader.readNodeId(in, "sender");
        long currentEpoch = FieldReader.readLong(in, "current epoch");
        long configEpoch = FieldReader.readLong(in, "config epoch");
        long offset = FieldReader.readLong(in, "replication offset");
        int port = FieldReader.readUnsignedShort(in, "port");
        int busPort = FieldReader.readUnsignedShort(in, "bus port");
        int flags = FieldReader.readUnsignedShort(in, "flags");
        int state = FieldReader.readUnsignedByte(in, "cluster state");
        if (state > 1) {
            throw new BusProtocolException("cluster state must be 0 or 1, got " + state);
        }
        int messageFlags = FieldReader.readUnsignedByte(in, "message flags");
        String ip = FieldReader.readText(in, "ip");
        String hostname = FieldReader.readText(in, "hostname");
        String masterId = switch (FieldReader.readUnsignedByte(in, "master marker")) {
            case 0 -> null;
            case 1 -> FieldReader.readNodeId(in, "master");
            default -> throw new BusProtocolException("master marker must be 0 or 1");
        };
        return new BusHeader(
                sender,
                currentEpoch,
                configEpoch,
                offset,
                port,
                busPort,
                ip,
                hostname,
                NodeFlagBits.decode(flags),
                masterId,
                SlotRanges.read(in),
                state == 0,
                MessageFlag.decode(messageFlags));
    }

    private static void writePayload(BusPayload payload, ByteBuf out) {
        if (payload instanceof BusPayload.Gossip gossip) {
            out.writeShort(gossip.entries().size());
            for (GossipEntry entry : gossip.entries()) {
                writeGossipEntry(entry, out);
            }
        } else if (payload instanceof BusPayload.Fail fail) {
            writeAscii(fail.nodeId(), out);
        } else if (payload instanceof BusPayload.Update update) {
            writeAscii(update.nodeId(), out);
            out.writeLong(update.configEpoch());
            SlotRanges.write(update.slotBits(), out);
        } else if (payload instanceof BusPayload.Publish publish) {
            out.writeInt(publish.channelBytes().length);
            out.writeBytes(publish.channelBytes());
            out.writeInt(publish.messageBytes().length);
            out.writeBytes(publish.messageBytes());
        }
    }

    private static BusPayload readPayload(ClusterMessageType type, ByteBuf in) {
        return switch (type) {
            case PING, PONG, MEET -> readGossip(in);
            case FAIL -> new BusPayload.Fail(FieldReader.readNodeId(in, "failing node"));
            case UPDATE ->
                new BusPayload.Update(
                        FieldReader.readNodeId(in, "updated node"),
                        FieldReader.readLong(in, "updated config epoch"),
                        SlotRanges.read(in));
            case PUBLISH, PUBLISHSHARD ->
                new BusPayload.Publish(FieldReader.readBlob(in, "channel"), FieldReader.readBlob(in, "message"));
            case FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK, MFSTART -> new BusPayload.None();
            case MODULE -> throw new BusProtocolException("unsupported bus message type MODULE");
        };
    }

    private static void writeGossipEntry(GossipEntry entry, ByteBuf out) {
        writeAscii(entry.nodeId(), out);
        out.writeLong(entry.pingSentMillis());
        out.writeLong(entry.pongReceivedMillis());
        out.writeShort(entry.port());
        out.writeShort(entry.busPort());
        out.writeShort(NodeFlagBits.encode(entry.flags()));
        writeText(entry.ip(), out);
    }

    private static BusPayload.Gossip readGossip(ByteBuf in) {
        int count = FieldReader.readUnsignedShort(in, "gossip count");
        List<GossipEntry> entries = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            String id = FieldReader.readNodeId(in, "gossip node");
            long pingSent = FieldReader.readLong(in, "gossip ping time");
            long pongReceived = FieldReader.readLong(in, "gossip pong time");
            int port = FieldReader.readUnsignedShort(in, "gossip port");
            int busPort = FieldReader.readUnsignedShort(in, "gossip bus port");
            int flags = FieldReader.readUnsignedShort(in, "gossip flags");
            String ip = FieldReader.readText(in, "gossip ip");
            entries.add(new GossipEntry(id, pingSent, pongReceived, ip, port, busPort, NodeFlagBits.decode(flags)));
        }
        return new BusPayload.Gossip(entries);
    }

    private static void writeAscii(String text, ByteBuf out) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }

    private static void writeText(String text, ByteBuf out) {
        out.writeByte(text.length());
        writeAscii(text, out);
    }
}

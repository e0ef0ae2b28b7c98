package io.slotwise.sim.keyspace;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The simulator's {@code DUMP}/{@code RESTORE} payload for one value: Redis's framing around a private body.
 *
 * <pre>
 * offset       size  content
 * 0            1     type code: 0 string, 1 list, 2 set, 3 zset, 4 hash, 5 stream
 * 1            n     body (below)
 * 1+n          2     format version, unsigned little-endian: 0xF001
 * 3+n          8     CRC-64/Jones of bytes [0, 3+n), little-endian (Redis's DUMP checksum)
 *
 * body, with len = unsigned LEB128 varint (at most 5 bytes, at most 2^31-1) and str = len + bytes:
 *   string  str
 *   list    len(count) str*count                  head first
 *   set     len(count) str*count                  scan order (by member hash, then bytes)
 *   zset    len(count) (str member, 8-byte big-endian IEEE-754 score)*count   score order
 *   hash    len(count) (str field, str value)*count                           scan order
 *   stream  see {@link StreamPayload}
 * </pre>
 *
 * <p>The version lies far above any real RDB version (7.0 writes 10), so a real Redis rejects these payloads with its
 * own {@code ERR DUMP payload version or checksum are wrong} instead of misreading them, and this class rejects real
 * Redis payloads the same way. Collections must be non-empty, members distinct and scores not NaN. Encoding depends
 * only on the content, except that a hash keeps its insertion order (which Redis shows for small hashes) across DUMP,
 * RESTORE and replication; {@link #digestHex} ignores that order, so equal values have equal digests on every node.
 * Stateless and thread-safe.
 */
public final class DumpPayload {
    /** The format version written in the footer. */
    public static final int VERSION = 0xF001;

    static final int TYPE_STRING = 0;
    static final int TYPE_LIST = 1;
    static final int TYPE_SET = 2;
    static final int TYPE_ZSET = 3;
    static final int TYPE_HASH = 4;
    static final int TYPE_STREAM = 5;
    static final int FOOTER_LENGTH = 10;

    private DumpPayload() {}

    /** Serialises {@code value} into a new payload; a hash's fields go in insertion order. */
    public static byte[] encode(Value value) {
        return encode(value, false);
    }

    private static byte[] encode(Value value, boolean canonical) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (value instanceof StringValue) {
            out.write(TYPE_STRING);
            writeString(out, ((StringValue) value).bytes());
        } else if (value instanceof ListValue) {
            out.write(TYPE_LIST);
            ListValue list = (ListValue) value;
            writeLength(out, list.size());
            list.elements().forEach(element -> writeString(out, element));
        } else if (value instanceof SetValue) {
            out.write(TYPE_SET);
            SetValue set = (SetValue) value;
            writeLength(out, set.size());
            set.members().forEach(member -> writeString(out, member));
        } else if (value instanceof SortedSetValue) {
            out.write(TYPE_ZSET);
            SortedSetValue zset = (SortedSetValue) value;
            writeLength(out, zset.size());
            for (ZEntry entry : zset.entries()) {
                writeString(out, entry.member());
                writeLong(out, Double.doubleToLongBits(entry.score()), false);
            }
        } else if (value instanceof StreamValue stream) {
            out.write(TYPE_STREAM);
            StreamPayload.write(out, stream);
        } else {
            out.write(TYPE_HASH);
            HashValue hash = (HashValue) value;
            writeLength(out, hash.size());
            for (Map.Entry<Bytes, Bytes> entry : canonical ? hash.entries() : hash.entriesInInsertionOrder()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
        }
        out.write(VERSION & 0xFF);
        out.write(VERSION >>> 8);
        byte[] unsigned = out.toByteArray();
        writeLong(out, Crc64.checksum(unsigned, 0, unsigned.length), true);
        return out.toByteArray();
    }

    /**
     * Decodes a payload produced by {@link #encode}. The footer is checked before the body, as Redis does.
     *
     * @throws DumpPayloadException with {@link DumpPayloadException.Reason#VERSION_OR_CHECKSUM} if the version or
     *     checksum is wrong (any single corrupted byte is detected), or {@link DumpPayloadException.Reason#BAD_DATA_FORMAT}
     *     if the checksum matches but the body is malformed
     */
    public static Value decode(byte[] payload) throws DumpPayloadException {
        verifyFooter(payload);
        return new DumpBodyReader(payload, 0, payload.length - FOOTER_LENGTH).readValue();
    }

    /**
     * Returns a 40-hex-digit digest (SHA-1 of the payload, hash fields in content order) that is equal for equal values
     * on every node, for {@code
     * DEBUG DIGEST-VALUE}; Redis replies 40 zeros for a missing key.
     */
    public static String digestHex(Value value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(encode(value, true));
            StringBuilder hex = new StringBuilder(40);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >>> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    private static void verifyFooter(byte[] payload) throws DumpPayloadException {
        if (payload.length < FOOTER_LENGTH) {
            throw new DumpPayloadException(DumpPayloadException.Reason.VERSION_OR_CHECKSUM);
        }
        int versionAt = payload.length - FOOTER_LENGTH;
        int version = (payload[versionAt] & 0xFF) | (payload[versionAt + 1] & 0xFF) << 8;
        long expected = 0;
        for (int i = 7; i >= 0; i--) {
            expected = (expected << 8) | (payload[versionAt + 2 + i] & 0xFF);
        }
        if (version != VERSION || Crc64.checksum(payload, 0, versionAt + 2) != expected) {
            throw new DumpPayloadException(DumpPayloadException.Reason.VERSION_OR_CHECKSUM);
        }
    }

    static void writeString(ByteArrayOutputStream out, Bytes bytes) {
        writeLength(out, bytes.length());
        out.write(bytes.array(), 0, bytes.length());
    }

    static void writeLength(ByteArrayOutputStream out, int length) {
        int remaining = length;
        while ((remaining & ~0x7F) != 0) {
            out.write((remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        out.write(remaining);
    }

    static void writeLong(ByteArrayOutputStream out, long value, boolean littleEndian) {
        for (int i = 0; i < 8; i++) {
            int shift = littleEndian ? 8 * i : 56 - 8 * i;
            out.write((int) (value >>> shift) & 0xFF);
        }
    }
}

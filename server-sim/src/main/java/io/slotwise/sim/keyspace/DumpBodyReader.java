package io.slotwise.sim.keyspace;

import io.slotwise.sim.keyspace.DumpPayloadException.Reason;

/**
 * Parses the body of a {@link DumpPayload} whose footer has been verified. Every inconsistency is reported as {@link
 * Reason#BAD_DATA_FORMAT}; lengths are checked against the bytes left before anything is allocated.
 */
final class DumpBodyReader {
    private final byte[] payload;
    private final int end;
    private int position;

    DumpBodyReader(byte[] payload, int start, int end) {
        this.payload = payload;
        this.position = start;
        this.end = end;
    }

    Value readValue() throws DumpPayloadException {
        int type = readByte();
        Value value;
        switch (type) {
            case DumpPayload.TYPE_STRING:
                value = StringValue.of(readString());
                break;
            case DumpPayload.TYPE_LIST:
                value = readList();
                break;
            case DumpPayload.TYPE_SET:
                value = readSet();
                break;
            case DumpPayload.TYPE_ZSET:
                value = readSortedSet();
                break;
            case DumpPayload.TYPE_HASH:
                value = readHash();
                break;
            case DumpPayload.TYPE_STREAM:
                value = StreamPayload.read(this);
                break;
            default:
                throw bad();
        }
        if (position != end) {
            throw bad();
        }
        return value;
    }

    private ListValue readList() throws DumpPayloadException {
        ListValue list = new ListValue();
        for (int i = readCount(); i > 0; i--) {
            list.pushLast(readString());
        }
        return list;
    }

    private SetValue readSet() throws DumpPayloadException {
        SetValue set = new SetValue();
        for (int i = readCount(); i > 0; i--) {
            if (!set.add(readString())) {
                throw bad();
            }
        }
        return set;
    }

    private SortedSetValue readSortedSet() throws DumpPayloadException {
        SortedSetValue zset = new SortedSetValue();
        for (int i = readCount(); i > 0; i--) {
            Bytes member = readString();
            double score = Double.longBitsToDouble(readLongBigEndian());
            if (Double.isNaN(score) || zset.score(member) != null) {
                throw bad();
            }
            zset.add(member, score);
        }
        return zset;
    }

    private HashValue readHash() throws DumpPayloadException {
        HashValue hash = new HashValue();
        for (int i = readCount(); i > 0; i--) {
            if (!hash.put(readString(), readString())) {
                throw bad();
            }
        }
        return hash;
    }

    /** Reads a collection size: at least 1, and no more than the bytes left (every element takes at least one). */
    int readCount() throws DumpPayloadException {
        int count = readLength();
        if (count == 0 || count > end - position) {
            throw bad();
        }
        return count;
    }

    Bytes readString() throws DumpPayloadException {
        int length = readLength();
        if (length > end - position) {
            throw bad();
        }
        byte[] content = new byte[length];
        System.arraycopy(payload, position, content, 0, length);
        position += length;
        return Bytes.wrapOwned(content);
    }

    int readLength() throws DumpPayloadException {
        long length = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            length |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (length > Integer.MAX_VALUE || (shift > 0 && b == 0)) {
                    throw bad();
                }
                return (int) length;
            }
        }
        throw bad();
    }

    long readLongBigEndian() throws DumpPayloadException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | readByte();
        }
        return value;
    }

    private int readByte() throws DumpPayloadException {
        if (position >= end) {
            throw bad();
        }
        return payload[position++] & 0xFF;
    }

    static DumpPayloadException bad() {
        return new DumpPayloadException(Reason.BAD_DATA_FORMAT);
    }
}

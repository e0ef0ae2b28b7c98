package io.slotwise.sim.replication;

import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.DumpPayloadException;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.Value;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a snapshot written by {@link SnapshotWriter} into a replica's keyspace: the whole snapshot is checked first,
 * then the keyspace is emptied and every entry stored, in one go on the node's event loop. An entry whose expiry has
 * passed on this node's clock is not stored.
 */
final class SnapshotReader {
    private SnapshotReader() {}

    /**
     * Replaces the keyspace's content with the snapshot's.
     *
     * @param snapshot the snapshot
     * @param keyspace the keyspace
     * @return how many keys it held
     * @throws IOException if the snapshot is malformed; the keyspace is then unchanged
     */
    static int load(byte[] snapshot, Keyspace keyspace) throws IOException {
        List<Entry> entries = parse(snapshot);
        keyspace.flush();
        for (Entry entry : entries) {
            if (entry.expireAtMillis < 0) {
                keyspace.set(entry.key, entry.value);
            } else {
                keyspace.set(entry.key, entry.value, entry.expireAtMillis);
            }
        }
        return entries.size();
    }

    private static List<Entry> parse(byte[] snapshot) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot));
        byte[] magic = in.readNBytes(SnapshotWriter.MAGIC.length);
        if (!Arrays.equals(magic, SnapshotWriter.MAGIC) || in.readUnsignedByte() != SnapshotWriter.VERSION) {
            throw new IOException("not a snapshot of this simulator version");
        }
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative entry count");
        }
        List<Entry> entries = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
            byte[] key = readBlock(in);
            long expireAt = in.readLong();
            byte[] payload = readBlock(in);
            try {
                entries.add(new Entry(Key.of(key), expireAt, DumpPayload.decode(payload)));
            } catch (DumpPayloadException e) {
                throw new IOException("entry " + i + ": " + e.reason().errorText(), e);
            }
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes after " + count + " entries");
        }
        return entries;
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("block length " + length + " exceeds the snapshot");
        }
        return in.readNBytes(length);
    }

    private record Entry(Key key, long expireAtMillis, Value value) {}
}

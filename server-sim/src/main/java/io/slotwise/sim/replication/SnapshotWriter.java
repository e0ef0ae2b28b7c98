package io.slotwise.sim.replication;

import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.Value;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialises a whole keyspace for a full synchronisation, in the simulator's own format (all integers big-endian):
 *
 * <pre>
 * "SWSNAP" (6 bytes), format version (1 byte: 1), entry count (4 bytes)
 * per entry: key length (4), key, absolute expiry in ms since the epoch (8; -1 for none),
 *            payload length (4), the value's DUMP payload ({@link DumpPayload})
 * </pre>
 *
 * Keys already expired are left out (and removed, as any read removes them). Runs in one go on the node's event loop,
 * so the snapshot is consistent with the replication offset taken at the same time.
 */
final class SnapshotWriter {
    /** The snapshot's first bytes. */
    static final byte[] MAGIC = "SWSNAP".getBytes(StandardCharsets.US_ASCII);

    /** The format version. */
    static final int VERSION = 1;

    private SnapshotWriter() {}

    /**
     * Serialises the keyspace.
     *
     * @param keyspace the keyspace
     * @return the snapshot
     */
    static byte[] write(Keyspace keyspace) {
        List<Key> keys = keyspace.keys(new byte[] {'*'});
        List<Entry> entries = new ArrayList<>(keys.size());
        for (Key key : keys) {
            Value value = keyspace.get(key);
            if (value != null) {
                entries.add(new Entry(key.toByteArray(), keyspace.expireTimeMillis(key), DumpPayload.encode(value)));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(entries.size());
            for (Entry entry : entries) {
                out.writeInt(entry.key.length);
                out.write(entry.key);
                out.writeLong(entry.expireAtMillis);
                out.writeInt(entry.payload.length);
                out.write(entry.payload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private record Entry(byte[] key, long expireAtMillis, byte[] payload) {}
}

package io.slotwise.sim.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.DumpPayload;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.StringValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private static final long NOW = 1_700_000_000_000L;

    private static Keyspace keyspace() {
        return new Keyspace(() -> NOW, RandomGenerator.getDefault());
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSnapshotRecreatesEveryKeyWithItsExpiry() throws IOException {
        Keyspace source = keyspace();
        source.set(Key.of("string"), StringValue.of(b("v")));
        source.set(Key.of(""), StringValue.of(b("empty name")), NOW + 5000);
        source.getOrCreateList(Key.of("list")).pushLast(Bytes.of("a"));
        source.markModified(Key.of("list"));
        source.getOrCreateHash(Key.of("hash")).put(Bytes.of("f"), Bytes.of("v"));
        source.markModified(Key.of("hash"));
        source.expireAt(Key.of("hash"), NOW + 9000);
        Keyspace target = keyspace();
        target.set(Key.of("stale"), StringValue.of(b("old")));

        assertEquals(4, SnapshotReader.load(SnapshotWriter.write(source), target));

        assertEquals(4, target.size());
        assertEquals(false, target.exists(Key.of("stale")));
        for (String name : new String[] {"string", "", "list", "hash"}) {
            Key key = Key.of(name);
            assertArrayEquals(DumpPayload.encode(source.get(key)), DumpPayload.encode(target.get(key)), name);
            assertEquals(source.expireTimeMillis(key), target.expireTimeMillis(key), name);
        }
    }

    @Test
    void aMalformedSnapshotLeavesTheKeyspaceAlone() {
        Keyspace source = keyspace();
        source.set(Key.of("k"), StringValue.of(b("v")));
        byte[] snapshot = SnapshotWriter.write(source);
        Keyspace target = keyspace();
        target.set(Key.of("mine"), StringValue.of(b("kept")));
        byte[][] broken = {
            Arrays.copyOf(snapshot, snapshot.length - 1),
            Arrays.copyOf(snapshot, snapshot.length + 1),
            b("NOTSNAP"),
            corruptPayload(snapshot)
        };
        for (byte[] bad : broken) {
            assertThrows(IOException.class, () -> SnapshotReader.load(bad, target));
            assertEquals(true, target.exists(Key.of("mine")));
        }
    }

    private static byte[] corruptPayload(byte[] snapshot) {
        byte[] copy = snapshot.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}

package io.slotwise.sim.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stream model: node layout, deletion bookkeeping, group counters and its DUMP payload. */
class StreamValueTest {
    private static final List<Bytes> FIELDS = List.of(Bytes.of("f"), Bytes.of("v"));

    private static StreamValue streamOf(int entries) {
        StreamValue stream = new StreamValue();
        for (int i = 1; i <= entries; i++) {
            stream.append(new StreamId(i, 0), FIELDS);
        }
        return stream;
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 1", "1, 1, 2", "100, 1, 2", "101, 2, 6", "250, 3, 8"})
    void nodesHoldAHundredEntriesAndTheirRadixTreeIsCountedAsRedisCountsIt(int entries, int keys, int nodes) {
        StreamValue stream = streamOf(entries);
        assertEquals(keys, stream.nodeCount());
        assertEquals(nodes, stream.radixTreeNodeCount());
    }

    @Test
    void deletingEveryEntryOfANodeRemovesItButKeepsTheDeletionsCounted() {
        StreamValue stream = streamOf(150);
        for (int i = 1; i <= 100; i++) {
            stream.delete(new StreamId(i, 0));
        }
        assertEquals(1, stream.nodeCount());
        assertEquals(new StreamId(100, 0), stream.maxDeletedId());
        assertEquals(new StreamId(101, 0), stream.firstId());
        assertEquals(150, stream.entriesAdded());
    }

    @Test
    void thePayloadCarriesEntriesNodesGroupsAndPendingEntries() throws DumpPayloadException {
        StreamValue stream = streamOf(150);
        stream.delete(new StreamId(120, 0));
        stream.trimFirst();
        StreamGroup group = stream.createGroup(Bytes.of("g"), new StreamId(3, 0), 3);
        group.consumerOrCreate(Bytes.of("c"), 77);
        group.putPending(new PendingEntry(new StreamId(2, 0), Bytes.of("c"), 55, 4));
        stream.createGroup(Bytes.of("empty"), StreamId.MIN, StreamGroup.UNKNOWN_ENTRIES_READ);

        StreamValue copy = (StreamValue) DumpPayload.decode(DumpPayload.encode(stream));

        assertEquals(stream, copy);
        assertEquals(stream.nodeCount(), copy.nodeCount());
        assertEquals(stream.maxDeletedId(), copy.maxDeletedId());
        assertEquals(
                4, copy.group(Bytes.of("g")).pending().get(new StreamId(2, 0)).deliveryCount());
        assertEquals(77, copy.group(Bytes.of("g")).consumer(Bytes.of("c")).seenTimeMillis());
        assertEquals(stream.trimFirstNode(), copy.trimFirstNode(), "approximate trimming sees the same nodes");
    }

    @Test
    void anEmptyStreamSurvivesThePayloadAndAChangedGroupMakesItDiffer() throws DumpPayloadException {
        StreamValue empty = new StreamValue();
        empty.setLastId(new StreamId(5, 5));
        StreamValue copy = (StreamValue) DumpPayload.decode(DumpPayload.encode(empty));
        assertEquals(empty, copy);
        copy.createGroup(Bytes.of("g"), StreamId.MIN, 0);
        assertNotEquals(empty, copy);
    }

    @Test
    void entriesMustBeAppendedInIdOrder() {
        StreamValue stream = streamOf(2);
        assertThrows(IllegalArgumentException.class, () -> stream.append(new StreamId(2, 0), FIELDS));
    }

    @Test
    void theReadCounterIsEstimatedOnlyWithoutDeletionsAhead() {
        StreamValue stream = streamOf(5);
        assertEquals(5, stream.estimateEntriesRead(new StreamId(5, 0)));
        assertEquals(1, stream.estimateEntriesRead(new StreamId(1, 0)));
        assertEquals(StreamGroup.UNKNOWN_ENTRIES_READ, stream.estimateEntriesRead(new StreamId(9, 0)));
        stream.delete(new StreamId(3, 0));
        assertEquals(StreamGroup.UNKNOWN_ENTRIES_READ, stream.estimateEntriesRead(new StreamId(2, 0)));
        StreamGroup group = stream.createGroup(Bytes.of("g"), new StreamId(2, 0), 2);
        assertEquals(-1, stream.lag(group), "a tombstone ahead makes the lag unknown");
    }
}

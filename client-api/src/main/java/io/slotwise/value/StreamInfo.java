package io.slotwise.value;

/**
 * What {@code XINFO STREAM key} reports about a stream (not the {@code FULL} form). Fields that servers before
 * Redis 7.0 do not report are {@code null}.
 *
 * @param length the number of entries
 * @param radixTreeKeys the number of keys of the stream's radix tree
 * @param radixTreeNodes the number of nodes of the stream's radix tree
 * @param lastGeneratedId the ID of the last entry ever added (it may since have been deleted), never {@code null}
 * @param maxDeletedEntryId the highest ID deleted from the stream, {@code null} before Redis 7.0
 * @param entriesAdded the number of entries ever added, {@code null} before Redis 7.0
 * @param recordedFirstEntryId the ID of the first entry, {@code 0-0} when empty; {@code null} before Redis 7.0
 * @param groups the number of consumer groups
 * @param firstEntry the first entry, {@code null} when the stream is empty
 * @param lastEntry the last entry, {@code null} when the stream is empty
 * @param <K> the field type
 * @param <V> the value type
 */
public record StreamInfo<K, V>(
        long length,
        long radixTreeKeys,
        long radixTreeNodes,
        StreamId lastGeneratedId,
        StreamId maxDeletedEntryId,
        Long entriesAdded,
        StreamId recordedFirstEntryId,
        long groups,
        StreamEntry<K, V> firstEntry,
        StreamEntry<K, V> lastEntry) {}

/**
 * Immutable values that typed command replies are decoded into when a plain Java type does not fit: a sorted-set member
 * with its score ({@link io.slotwise.value.ScoredValue}), a key with a value ({@link io.slotwise.value.KeyValue}) and
 * one page of an incremental scan ({@link io.slotwise.value.ScanPage}), stream IDs, entries, pending entries and
 * {@code XINFO} descriptions ({@link io.slotwise.value.StreamId}, {@link io.slotwise.value.StreamEntry}, ...), geo
 * positions and search results ({@link io.slotwise.value.GeoCoordinates}, {@link io.slotwise.value.GeoValue}, {@link
 * io.slotwise.value.GeoSearchResult}), the outcome of a transaction ({@link
 * io.slotwise.value.TransactionResult}) and the cursor and page of the cluster-wide scan ({@link
 * io.slotwise.value.ClusterScanCursor}, {@link io.slotwise.value.ClusterScanPage}). They hold decoded application data only, no
 * protocol or transport types.
 */
package io.slotwise.value;

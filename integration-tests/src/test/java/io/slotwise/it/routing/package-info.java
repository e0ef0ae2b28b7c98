/**
 * Integration tests of the client's pure routing core against real Redis nodes: the slot hashing of
 * {@link io.slotwise.routing.SlotHash} must match {@code CLUSTER KEYSLOT} byte for byte.
 */
package io.slotwise.it.routing;

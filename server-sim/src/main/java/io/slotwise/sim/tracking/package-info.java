/**
 * Redis 7.0's client-side caching (server-assisted tracking) on a simulator node: CLIENT TRACKING (default mode with
 * OPTIN, OPTOUT and NOLOOP, BCAST with prefixes, REDIRECT), CLIENT CACHING, GETREDIR and TRACKINGINFO, installed by
 * {@link io.slotwise.sim.tracking.TrackingModule}. Keys a tracking client reads are remembered per key ({@link
 * io.slotwise.sim.tracking.ReadKeyTable}); every key change the keyspace reports (writes, expiry, FLUSHALL/FLUSHDB as a
 * null invalidation) is the single signal that invalidates them, the same one that spoils WATCH, so no command needs
 * code of its own. Invalidations are RESP3 pushes {@code invalidate}, or {@code __redis__:invalidate} Pub/Sub messages
 * to a RESP2 client that tracking is redirected to; those caused by the receiving client's own command follow that
 * command's reply, and broadcast ones are grouped per prefix once the event loop has served the current input.
 * Everything runs on the node's event loop.
 */
package io.slotwise.sim.tracking;

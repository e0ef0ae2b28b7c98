/**
 * The blocking flavour of the Slotwise client: {@link io.slotwise.sync.SyncRedisCluster} wraps any {@link
 * io.slotwise.api.AsyncCommands} and waits on the caller's thread, with a deadline derived from the command timeout,
 * for the result of any async call ({@code sync.call(c -> c.get(key))}) or of any {@link io.slotwise.command.Command}.
 * No command is listed again here; failures surface as the same {@link io.slotwise.RedisException} instances the async
 * API reports, and blocking on one of the client's I/O threads is refused instead of deadlocking.
 */
package io.slotwise.sync;

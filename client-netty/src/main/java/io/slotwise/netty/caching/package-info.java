/**
 * Server-assisted client-side caching for the cluster client: {@link io.slotwise.netty.caching.CachingReads} decides
 * which commands are cached, serves hits and records the replies of misses; {@code ClientSideCache} is the bounded
 * store and the invalidation logic (pushes from {@code CLIENT TRACKING}, lost connections, slots that change owner),
 * with the guarantee that a reply never re-enters the cache after the server invalidated its key.
 */
package io.slotwise.netty.caching;

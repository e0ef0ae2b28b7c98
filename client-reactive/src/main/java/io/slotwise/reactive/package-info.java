/**
 * The Project Reactor flavour of the Slotwise client: {@link io.slotwise.reactive.ReactiveRedisCluster} wraps any
 * {@link io.slotwise.api.AsyncCommands} and turns any async call into a lazy, cancel-aware {@link
 * reactor.core.publisher.Mono} ({@code reactive.mono(c -> c.get(key))}) or, for collection replies, a {@link
 * reactor.core.publisher.Flux}. No command is listed again here, and no scheduler or thread is added: signals arrive on
 * the thread that completes the command, normally one of the client's I/O event loops.
 */
package io.slotwise.reactive;

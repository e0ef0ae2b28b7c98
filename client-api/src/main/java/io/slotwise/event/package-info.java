/**
 * Observing a cluster client: {@link io.slotwise.event.ClientEventListener} receives command outcomes, redirects,
 * retries, topology refreshes and connection events, for metrics and logging. Every method has a no-op default, so
 * the client pays nothing for events nobody listens to, and this package needs no metrics library.
 */
package io.slotwise.event;

/**
 * Connections to single nodes: {@link io.slotwise.netty.connection.NodeConnection} multiplexes and pipelines the
 * commands of any number of threads over one netty channel per node, matches replies first in first out, times
 * commands out, handshakes ({@code HELLO 3}, falling back to RESP2 {@code AUTH}), reconnects with jittered backoff,
 * and tells callers whether a failed command may have executed, so that the cluster layer above never replays a write
 * whose outcome is unknown. Routing and redirects are not handled here: error replies are returned as replies.
 */
package io.slotwise.netty.connection;

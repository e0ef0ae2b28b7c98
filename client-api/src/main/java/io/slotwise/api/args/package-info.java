/**
 * Immutable option values for command arguments: expiries ({@link io.slotwise.api.args.Expiry}), {@code SET} and
 * {@code ZADD} options, sorted-set range queries and bounds, stream IDs' bounds, positions, trimming and the options of
 * the stream commands, scan arguments, geo search shapes and {@code GEOADD} options, bit ranges and {@code BITFIELD}
 * operations, and the small enums of list, flush, geo and bit commands. Each value knows the RESP tokens it contributes
 * ({@code arguments()}); it is validated when built, so a
 * value that exists is one Redis accepts.
 */
package io.slotwise.api.args;

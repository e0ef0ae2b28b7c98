/**
 * The pure routing core of the client: slot hashing, topology snapshots, redirect decisions and multi-key split plans.
 * Nothing in this package performs I/O, starts threads, reads the clock or logs; every type is unit-testable without a
 * socket.
 */
package io.slotwise.routing;

/**
 * The public entry points of the Slotwise cluster client: the client interface, its options and its exceptions. This
 * module depends on the JDK only; the netty implementation lives in {@code slotwise-client-netty}.
 */
package io.slotwise;

/**
 * Test support for client-netty: recording netty's buffer leak reports and failing the test classes that caused
 * them.
 */
package io.slotwise.netty.testing;

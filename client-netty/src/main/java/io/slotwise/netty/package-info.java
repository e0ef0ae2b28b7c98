/**
 * The netty implementation of the Slotwise client. {@link io.slotwise.netty.ClientResources} owns (or borrows) the
 * event loops every connection runs on, and is the only place that creates threads.
 */
package io.slotwise.netty;

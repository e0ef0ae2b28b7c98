/**
 * Command metadata and dispatch of the simulator: the table of Redis 7.0 commands (arity, flags, key positions), the
 * resolution of an invocation to its command, and the handlers that execute commands against a node.
 */
package io.slotwise.sim.command;

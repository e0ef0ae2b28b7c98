/**
 * Command metadata and dispatch of the simulator: the table of Redis 7.0 commands (arity, flags, key positions), the
 * {@link io.slotwise.sim.command.CommandDispatcher} that applies Redis's checks in {@code processCommand} order
 * (unknown command and arity, NOAUTH, transaction rules, the cluster {@link io.slotwise.sim.command.RedirectCheck},
 * MULTI queuing), the handler SPI ({@link io.slotwise.sim.command.CommandHandler}, {@link
 * io.slotwise.sim.command.AsyncCommandHandler}, {@link io.slotwise.sim.command.CommandContext}) with handlers
 * registered by name in a {@link io.slotwise.sim.command.CommandRegistry}, and the built-in families of connection,
 * client, server, INFO, COMMAND, CONFIG, FUNCTION and transaction commands. Handlers run on the node's event loop.
 */
package io.slotwise.sim.command;

package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;

/**
 * Executes one command synchronously: the common case. Registered by command name in a {@link CommandRegistry}; the
 * {@link CommandDispatcher} calls it only after every check Redis makes before execution has passed (known command,
 * arity, authentication, transaction rules, cluster redirection).
 *
 * <p>Threading: called on the node's event loop, never concurrently with anything else of the same node, so a handler
 * may read and change node state without locks. It must not block.
 */
@FunctionalInterface
public interface CommandHandler {

    /**
     * Executes the command.
     *
     * @param ctx the invocation, its session and the node's services
     * @return the reply to send; never null
     * @throws CommandException to answer with a Redis error, for example {@code ERR syntax error}
     */
    Reply handle(CommandContext ctx);
}

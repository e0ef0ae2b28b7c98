package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import java.util.concurrent.CompletionStage;

/**
 * Executes one command whose reply is not ready when the handler returns: MIGRATE waiting for the target node, WAIT
 * and blocking pops waiting for an event. While the stage is pending, the connection reads nothing more and later
 * pipelined commands wait their turn, so replies stay in request order; other connections are served meanwhile.
 *
 * <p>Threading: called on the node's event loop. The stage may be completed from any thread; the reply is written on
 * the event loop. Completing exceptionally with a {@link CommandException} answers with its error; any other exception
 * is logged and answered with an internal error. Completing with {@code null} writes no reply at all (SHUTDOWN, whose
 * connection is closed instead). A stage that never completes holds the connection until it is closed.
 */
@FunctionalInterface
public interface AsyncCommandHandler {

    /**
     * Starts executing the command.
     *
     * @param ctx the invocation, its session and the node's services; valid after this method returns
     * @return the reply to come; never null
     * @throws CommandException to answer with a Redis error at once
     */
    CompletionStage<Reply> handle(CommandContext ctx);
}

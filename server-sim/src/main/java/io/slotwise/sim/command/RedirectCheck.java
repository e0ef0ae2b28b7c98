package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.util.List;
import java.util.Optional;

/**
 * The cluster redirection hook of the dispatcher (Redis's {@code getNodeByQuery}, see the behaviour reference §2.2 and
 * §2.3). A node in cluster mode that has one {@linkplain io.slotwise.sim.NodeSetup#provide provides} it as a service;
 * without one every command is served locally.
 *
 * <p>The dispatcher calls it after authentication and the transaction rules, and only in cluster mode, for commands
 * that can have keys (a first key position or movable keys), and for EXEC inside MULTI when a queued command can have
 * keys (passing every queued command, so that a keyless write still makes the transaction a write). It does not call
 * it for keyless commands, which Redis never redirects. It applies the outcome as Redis does: inside MULTI the transaction is
 * flagged (EXEC then answers EXECABORT); for EXEC the transaction is discarded and the redirect returned.
 *
 * <p>Threading: called on the node's event loop; must not block.
 */
@FunctionalInterface
public interface RedirectCheck {

    /** The check of a node that serves every command itself. */
    RedirectCheck SERVE_ALL = (commands, session) -> Optional.empty();

    /**
     * Decides whether this node serves the commands.
     *
     * @param commands one command, or the commands queued by MULTI when the command is EXEC (possibly none)
     * @param session the client's session, for its ASKING and READONLY flags
     * @return empty to serve; otherwise the error to answer with, for example {@code MOVED 3999 127.0.0.1:7001},
     *     {@code ASK ...}, {@code TRYAGAIN ...}, {@code CROSSSLOT ...} or {@code CLUSTERDOWN ...}
     */
    Optional<Reply.SimpleError> check(List<Invocation> commands, ClientSession session);

    /**
     * The replica write check Redis makes right after redirection ({@code -READONLY You can't write against a read
     * only replica.}). The dispatcher calls it in cluster mode for every command that passed {@link #check} or was
     * not redirect-checked at all (keyless commands included), before MULTI queueing, and applies a rejection as it
     * applies a redirect.
     *
     * @param commands one command, or the commands queued by MULTI when the command is EXEC (possibly none)
     * @param session the client's session
     * @return empty to go on; otherwise the error to answer with
     */
    default Optional<Reply.SimpleError> checkReplicaWrite(List<Invocation> commands, ClientSession session) {
        return Optional.empty();
    }
}

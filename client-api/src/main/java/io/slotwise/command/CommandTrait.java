package io.slotwise.command;

/** Properties of a command that change how the client sends it. A command may have any combination of traits. */
public enum CommandTrait {
    /**
     * The command does not modify data. It may be served by a replica when the client's {@code ReadFrom} allows it,
     * and it is safe to send again when its outcome is unknown (the connection was lost after the command was
     * written), so the client may replay it without the user opting in. Commands without this trait are treated as
     * writes: never sent to replicas, and not replayed after an unknown outcome unless the user opted in.
     */
    READ_ONLY,
    /**
     * The command may legitimately wait on the server (BLPOP, BRPOP, BLMOVE) until data arrives or its own timeout
     * argument ({@link Command#blockingTimeout()}) expires. The client does not apply its ordinary command timeout to
     * such a command: it waits for the blocking timeout plus the ordinary command timeout as a margin for the network,
     * and forever when the blocking timeout is zero ("block indefinitely"). Because a connection answers in order, a
     * blocking command must not share a multiplexed connection with other commands: the client sends it on a
     * connection of its own. Blocking commands are never replayed after an unknown outcome.
     */
    BLOCKING
}

package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Request;
import io.slotwise.sim.server.ClientSession;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Everything a handler needs for one invocation: the request, the command it resolved to, the client's session and
 * the node's services, plus parsers for arguments that answer Redis's errors on bad input.
 *
 * <p>Threading: created and used on the node's event loop; an {@link AsyncCommandHandler} that completes elsewhere
 * must copy what it needs first.
 */
public final class CommandContext {
    private final Invocation invocation;
    private final ClientSession session;
    private final NodeServices node;
    private final boolean inTransaction;
    private final CommandDispatcher dispatcher;
    private ServerActivity activity;
    private boolean spansUntilReply;

    /**
     * Creates a context; the dispatcher does this, and tests of handlers may.
     *
     * @param invocation the resolved request
     * @param session the client's session
     * @param node the node's services
     * @param inTransaction whether the command runs as part of EXEC
     */
    public CommandContext(Invocation invocation, ClientSession session, NodeServices node, boolean inTransaction) {
        this(invocation, session, node, inTransaction, null);
    }

    CommandContext(
            Invocation invocation,
            ClientSession session,
            NodeServices node,
            boolean inTransaction,
            CommandDispatcher dispatcher) {
        this.invocation = Objects.requireNonNull(invocation, "invocation");
        this.session = Objects.requireNonNull(session, "session");
        this.node = Objects.requireNonNull(node, "node");
        this.inTransaction = inTransaction;
        this.dispatcher = dispatcher;
    }

    /** Returns the request as the client sent it. */
    public Request request() {
        return invocation.request();
    }

    /** Returns the command or subcommand the request resolved to. */
    public CommandSpec spec() {
        return invocation.spec();
    }

    /** Returns the resolved request. */
    public Invocation invocation() {
        return invocation;
    }

    /** Returns the session of the connection the request came from. */
    public ClientSession session() {
        return session;
    }

    /** Returns the node's services. */
    public NodeServices node() {
        return node;
    }

    /**
     * Whether the command runs inside EXEC. Commands that would block (blocking pops, WAIT) must answer at once then,
     * as in Redis.
     */
    public boolean inTransaction() {
        return inTransaction;
    }

    /** Returns the number of arguments including the command name. */
    public int argc() {
        return invocation.request().argc();
    }

    /**
     * Returns one argument without copying it.
     *
     * @param index 0 for the command name
     * @return the argument's bytes; must not be modified
     */
    public byte[] arg(int index) {
        return invocation.request().arg(index);
    }

    /**
     * Returns one argument decoded as UTF-8.
     *
     * @param index 0 for the command name
     * @return the argument as text
     */
    public String argString(int index) {
        return invocation.request().argString(index);
    }

    /**
     * Returns one argument with each byte decoded as one character (ISO-8859-1), for error texts that quote it: an
     * error built from it and thrown with {@link CommandException#echoing(String)} carries the argument's bytes
     * unchanged, as Redis's do.
     *
     * @param index 0 for the command name
     * @return the argument, one character per byte
     */
    public String argLatin1(int index) {
        return new String(arg(index), StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether an argument is a keyword, compared case-insensitively as Redis's {@code strcasecmp} does.
     *
     * @param index the argument's position
     * @param keyword the keyword, ASCII
     * @return true if the argument spells the keyword in any case
     */
    public boolean argIs(int index, String keyword) {
        return new String(arg(index), StandardCharsets.ISO_8859_1).equalsIgnoreCase(keyword);
    }

    /**
     * Parses an argument as a signed 64-bit decimal integer, as Redis's {@code string2ll} does (no sign before zero,
     * no leading zeros, no blanks).
     *
     * @param index the argument's position
     * @return the value
     * @throws CommandException {@code ERR value is not an integer or out of range} if it is not one
     */
    public long longArg(int index) {
        return RedisNumbers.parseLong(arg(index)).orElseThrow(CommandException::notAnInteger);
    }

    /**
     * The node-wide state of the administration commands; a context created without a dispatcher (tests) gets a fresh,
     * unshared one.
     */
    ServerActivity activity() {
        if (activity == null) {
            activity = dispatcher == null ? new ServerActivity() : dispatcher.activity();
        }
        return activity;
    }

    /**
     * Runs another command on behalf of this one, as a script's {@code redis.call} does: the handler runs at once,
     * reported to replication like a command EXEC runs (nested inside this command), and commands that would block
     * answer at once as inside a transaction. The caller has made every check Redis makes for a script's command.
     *
     * @param nested the command; a handler must be registered for it
     * @return the reply, usually completed already
     * @throws IllegalStateException in a context created without a dispatcher (tests of single handlers)
     */
    public java.util.concurrent.CompletionStage<io.slotwise.sim.protocol.Reply> executeNested(Invocation nested) {
        if (dispatcher == null) {
            throw new IllegalStateException("no dispatcher to run a nested command");
        }
        return dispatcher.execute(nested, session, true, invocation);
    }

    /**
     * Counts a command a script's {@code redis.call} refused before running it (wrong arity, not allowed from scripts,
     * a write from a read-only script, a key of another node), as INFO commandstats' {@code rejected_calls}, as Redis
     * does. Does nothing in a context created without a dispatcher.
     *
     * @param refused the command refused
     */
    public void countRejectedNested(CommandSpec refused) {
        if (dispatcher != null) {
            activity().commandStats.rejected(refused.name());
        }
    }

    /**
     * Declares that this command, whose reply will complete later, lasts until that reply for replication and the slow
     * log: the dispatcher reports it finished (and records its latency) when the reply completes instead of when the
     * handler returns, so that the commands it runs meanwhile ({@link #executeNested}) are nested inside it and
     * propagated with it. Only for a command during which no other client's command runs (a script, see {@link
     * ScriptGate}). Call from the handler, before it returns.
     */
    public void spanUntilReply() {
        spansUntilReply = true;
    }

    boolean spansUntilReply() {
        return spansUntilReply;
    }

    /** The dispatcher that created this context, for EXEC; null in contexts created by tests. */
    CommandDispatcher dispatcher() {
        return dispatcher;
    }
}

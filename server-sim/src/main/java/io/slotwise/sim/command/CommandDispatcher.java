package io.slotwise.sim.command;

import io.netty.channel.EventLoop;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.Request;
import io.slotwise.sim.server.ClientSession;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request through the checks Redis 7.0's {@code processCommand} makes, in its order (behaviour reference
 * §2.2), then executes it:
 *
 * <ol>
 *   <li>resolve against the command table: unknown command, unknown subcommand, wrong number of arguments; a command
 *       the table knows but no handler serves is answered {@code ERR unsupported command '<name>': ...}, so that a
 *       missing feature is never mistaken for a typo;
 *   <li>{@code NOAUTH Authentication required.} while {@code requirepass} is set and the client has not
 *       authenticated, except for commands flagged {@code no_auth};
 *   <li>{@code NOPERM ...} when the client's ACL user may not run the command ({@link AclPermissions});
 *   <li>{@code ERR Command not allowed inside a transaction} for commands flagged {@code no_multi} inside MULTI;
 *   <li>in cluster mode, the {@link RedirectCheck} for commands that can have keys, and for EXEC when a queued
 *       command can have keys (it then sees every queued command); then its replica write check for every command;
 *   <li>a RESP2 client with Pub/Sub subscriptions may only run (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PING, QUIT and
 *       RESET: {@code ERR Can't execute '<name>': only ... are allowed in this context} (EXEC: {@code EXECABORT
 *       Transaction discarded because of: Can't execute ...}, and the transaction is discarded);
 *   <li>while the node is {@linkplain DatasetLoading loading its dataset}, {@code LOADING ...} for commands without
 *       the {@code loading} flag (EXEC: {@code EXECABORT ...});
 *   <li>while a script runs past {@code busy-reply-threshold} ({@link ScriptGate}), {@code BUSY ...} for commands
 *       without the {@code allow_busy} flag and for SHUTDOWN without NOSAVE (EXEC: {@code EXECABORT ...});
 *   <li>while CLIENT PAUSE holds the command back ({@link ClientPause}), it waits and is then checked again;
 *   <li>inside MULTI, every command but EXEC, DISCARD, MULTI, WATCH, QUIT and RESET is queued and answered
 *       {@code +QUEUED};
 *   <li>otherwise the handler runs.
 * </ol>
 *
 * A rejection inside MULTI dooms the transaction (EXEC answers {@code EXECABORT}). ASKING lasts for one command, or
 * until EXEC or DISCARD when sent inside MULTI. Every error reply is counted for INFO. Every executed command is
 * reported to the node's {@link PropagationHook} (replication), if a module provided one, and fed to the latency
 * histograms, the slow log and MONITOR clients, and to the node's {@link TrackingHook} (client-side caching), if a
 * module provided one. CLIENT REPLY OFF/SKIP replace a reply by null (nothing written).
 * Commands a replica receives from its master skip the checks and wait for a running script to end ({@link
 * #executeFromMaster}). While a script runs and
 * has not passed the threshold, other clients' requests are held before any of these checks and dispatched once it
 * ends or the threshold passes. A handler that {@linkplain CommandContext#spanUntilReply() spans until its reply}
 * (a script) is reported to replication, tracking, the latency histograms and the slow log when its reply completes.
 *
 * <p>Threading: called on the node's event loop. The returned stage always completes normally, on the event loop.
 */
public final class CommandDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final Set<String> RUN_INSIDE_MULTI = Set.of("exec", "discard", "multi", "watch", "quit", "reset");
    private static final Reply QUEUED = Reply.simple("QUEUED");

    private final CommandRegistry registry;
    private final NodeServices node;
    private final PropagationHook propagation;
    private final TrackingHook tracking;
    private final ServerActivity activity = new ServerActivity();
    private final AdmissionChecks checks;

    /**
     * Creates the dispatcher of a node.
     *
     * @param registry the node's handlers, complete before the first request
     * @param node the node's services
     * @param redirectCheck the cluster redirection hook; {@link RedirectCheck#SERVE_ALL} outside a cluster
     */
    public CommandDispatcher(CommandRegistry registry, NodeServices node, RedirectCheck redirectCheck) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.node = Objects.requireNonNull(node, "node");
        this.propagation = node.service(PropagationHook.class).orElse(PropagationHook.NONE);
        this.tracking = node.service(TrackingHook.class).orElse(TrackingHook.NONE);
        this.checks = new AdmissionChecks(node, Objects.requireNonNull(redirectCheck, "redirectCheck"));
    }

    /**
     * Processes one request of a connection.
     *
     * @param request the request
     * @param session the connection's session
     * @return the reply, possibly completed already; a null reply means nothing is to be written
     */
    public CompletionStage<Reply> dispatch(Request request, ClientSession session) {
        long now = System.currentTimeMillis();
        if (isHttpRequestLine(request)) {
            // Redis's guard against cross-protocol scripting: a browser tricked into posting to a Redis port sends
            // "POST ..." and "Host: ...". Redis logs it and closes the connection without a reply.
            LOG.warn(
                    "Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to"
                            + " Redis. Connection of client {} aborted.",
                    session.id());
            session.closeAfterReply();
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Reply> held = checks.holdClient(session, () -> dispatch(request, session));
        if (held != null) {
            return held;
        }
        boolean skipReply = session.controls().takeSkip();
        CompletionStage<Reply> reply = resolveAndAdmit(request, session, now);
        // CLIENT REPLY OFF/SKIP: the command runs, its reply (even an error) is not sent.
        return reply.thenApply(r -> skipReply || session.controls().repliesOff() ? null : r);
    }

    private CompletionStage<Reply> resolveAndAdmit(Request request, ClientSession session, long now) {
        CommandTable.Resolution resolution = node.commandTable().resolve(request.args());
        if (resolution instanceof CommandTable.Resolution.Rejected rejected) {
            session.recordCommand(now, "NULL");
            if (!session.inMulti()) {
                session.setAsking(false);
            }
            if (rejected.command() != null) {
                activity.commandStats.rejected(rejected.command().name());
            }
            CompletionStage<Reply> refused = reject(session, rejected.error());
            tracking.requestProcessed(session, null);
            return refused;
        }
        CommandSpec spec = ((CommandTable.Resolution.Found) resolution).spec();
        CompletableFuture<Void> gate = node.service(KeyGate.class)
                .map(g -> g.waitingFor(request, spec))
                .orElse(null);
        if (gate != null) {
            // A MIGRATE is moving one of the keys: run the command once it has finished, as Redis would.
            return gate.thenComposeAsync(ignored -> dispatch(request, session), node.eventLoop());
        }
        session.recordCommand(now, spec.name());
        Invocation invocation = new Invocation(spec, request);
        CompletionStage<Reply> reply;
        try {
            reply = admit(invocation, session);
        } catch (RuntimeException e) {
            reply = CompletableFuture.completedFuture(counted(failure(invocation, e)));
        }
        if (!spec.name().equals("asking") && (!session.inMulti() || spec.name().equals("exec"))) {
            session.setAsking(false);
        }
        tracking.requestProcessed(session, spec);
        return reply;
    }

    private CompletionStage<Reply> admit(Invocation invocation, ClientSession session) {
        CommandSpec spec = invocation.spec();
        if (registry.find(spec) == null) {
            return reject(
                    session,
                    spec,
                    "ERR unsupported command '" + spec.name() + "': the Slotwise simulator does not implement it");
        }
        if (!session.authenticated() && node.config().requirePass().isPresent() && !spec.has(CommandFlag.NO_AUTH)) {
            return reject(session, spec, "NOAUTH Authentication required.");
        }
        Optional<String> denied = AclPermissions.denial(activity.users, node.config(), session, invocation);
        if (denied.isPresent()) {
            return reject(session, spec, "NOPERM " + denied.get());
        }
        if (session.inMulti() && spec.has(CommandFlag.NO_MULTI)) {
            return reject(session, spec, "ERR Command not allowed inside a transaction");
        }
        Optional<Reply.SimpleError> redirect = checks.redirect(invocation, session);
        if (redirect.isPresent()) {
            if (spec.name().equals("exec")) {
                session.endTransaction();
            } else if (session.inMulti()) {
                session.transaction().abort();
            }
            node.stats().errorReplied(redirect.get().message());
            activity.commandStats.rejected(spec.name());
            return CompletableFuture.completedFuture(redirect.get());
        }
        Optional<String> subscribed = checks.subscribedRefusal(spec, session);
        if (subscribed.isPresent()) {
            if (spec.name().equals("exec")) {
                // Redis's rejectCommand aborts a refused EXEC, in MULTI or not.
                session.endTransaction();
                return reject(session, spec, "EXECABORT Transaction discarded because of: " + subscribed.get());
            }
            return reject(session, spec, "ERR " + subscribed.get());
        }
        List<Invocation> queued = spec.name().equals("exec") && session.inMulti()
                ? session.transaction().queued()
                : List.of();
        Optional<String> refusal = checks.stateRefusal(invocation, queued);
        if (refusal.isPresent()) {
            if (spec.name().equals("exec")) {
                session.endTransaction();
                return reject(session, spec, "EXECABORT Transaction discarded because of: " + refusal.get());
            }
            return reject(session, spec, refusal.get());
        }
        CompletableFuture<Void> paused = activity.pause.holdBack(invocation, session);
        if (paused != null) {
            // CLIENT PAUSE: check the command again once the pause has ended, as Redis reprocesses it.
            // A client that disconnected meanwhile is gone: its command does not run.
            return paused.thenComposeAsync(
                    ignored -> session.channel().isActive()
                            ? admit(invocation, session)
                            : CompletableFuture.completedFuture(null),
                    node.eventLoop());
        }
        if (session.inMulti() && !RUN_INSIDE_MULTI.contains(spec.name())) {
            session.transaction().queue(invocation);
            return CompletableFuture.completedFuture(QUEUED);
        }
        return execute(invocation, session, false);
    }

    /**
     * Executes an admitted command: its handler, with errors mapped to replies and counted. EXEC uses it for the
     * queued commands.
     *
     * @param invocation the command
     * @param session the client's session
     * @param inTransaction whether it runs inside EXEC
     * @return the reply, completing normally on the event loop
     */
    CompletionStage<Reply> execute(Invocation invocation, ClientSession session, boolean inTransaction) {
        return execute(invocation, session, inTransaction, null);
    }

    /**
     * Executes an admitted command, as {@link #execute(Invocation, ClientSession, boolean)}, on behalf of a script.
     *
     * @param invocation the command
     * @param session the client's session
     * @param inTransaction whether it runs inside EXEC or a script
     * @param script the script command that runs it, or null
     * @return the reply, completing normally on the event loop
     */
    CompletionStage<Reply> execute(
            Invocation invocation, ClientSession session, boolean inTransaction, Invocation script) {
        AsyncCommandHandler handler = registry.find(invocation.spec());
        node.stats().commandProcessed();
        CompletionStage<Reply> stage;
        propagation.commandStarting(invocation, session);
        tracking.commandStarting(session, inTransaction);
        long started = System.nanoTime();
        CommandContext context = new CommandContext(invocation, session, node, inTransaction, this);
        try {
            stage = handler.handle(context);
        } catch (RuntimeException e) {
            Reply reply = countedFailure(invocation, failure(invocation, e));
            executed(invocation, session, script, inTransaction, started, reply);
            return CompletableFuture.completedFuture(reply);
        }
        if (stage instanceof CompletableFuture<Reply> future && future.isDone() && !future.isCompletedExceptionally()) {
            Reply reply = countedFailure(invocation, future.join());
            executed(invocation, session, script, inTransaction, started, reply);
            return CompletableFuture.completedFuture(reply);
        }
        boolean spanning = context.spansUntilReply();
        if (!spanning) {
            executed(invocation, session, script, inTransaction, started, null);
        }
        CompletableFuture<Reply> result = new CompletableFuture<>();
        EventLoop loop = node.eventLoop();
        stage.whenComplete((reply, error) -> {
            Runnable finish = () -> {
                Reply done = countedFailure(invocation, error == null ? reply : failure(invocation, error));
                if (spanning) {
                    // A script's own commands ran meanwhile (nested): tracking attributes them to this client.
                    executed(invocation, session, script, inTransaction, started, done);
                }
                result.complete(done);
            };
            if (loop.inEventLoop()) {
                finish.run();
            } else {
                loop.execute(finish);
            }
        });
        return result;
    }

    /**
     * Reports an executed command to tracking, the {@linkplain ServerActivity#observe activity} and replication, in
     * that order; {@code reply} is null while a handler that does not span until its reply is still running.
     */
    private void executed(
            Invocation invocation,
            ClientSession session,
            Invocation script,
            boolean inTransaction,
            long startedNanos,
            Reply reply) {
        tracking.commandFinished(invocation, session, script, inTransaction);
        activity.observe(invocation, session, System.nanoTime() - startedNanos, node.config());
        propagation.commandFinished(invocation, session, reply);
    }

    /**
     * Pauses the node's clients' writes, as {@code CLIENT PAUSE <millis> WRITE} does (a master in a manual failover):
     * commands that may write or replicate wait until the pause ends. Call on the node's event loop.
     *
     * @param millis how long, at least 0
     */
    public void pauseWrites(long millis) {
        activity.pause.pause(ClientPause.Mode.WRITE, Math.max(0, millis), node.eventLoop());
    }

    /** Ends a client pause at once, as {@code CLIENT UNPAUSE} does. Call on the node's event loop. */
    public void unpauseClients() {
        activity.pause.unpause();
    }

    /**
     * Returns the node's dataset-loading flag: while it is set, commands without the {@code loading} flag are refused
     * with {@code LOADING} (see {@link DatasetLoading}).
     *
     * @return the flag, thread-safe
     */
    public DatasetLoading loading() {
        return checks.loading();
    }

    /** Returns the node-wide state of the administration commands. */
    ServerActivity activity() {
        return activity;
    }

    /**
     * Executes a command a replica received from its master on the replication link: resolved against the command
     * table and run without the authentication, transaction and cluster checks that protect normal clients
     * (Redis's replicas must obey their master). While a script runs (busy or not), the command is held and runs once
     * the script has ended, in arrival order with the master's other commands: Redis reads no master input meanwhile,
     * so a read-only script on a replica never sees its master's writes half-way.
     *
     * @param request the command
     * @param session the session of the replication link
     * @return the reply (the caller discards it, logging errors), completed later when the command was held; an
     *     unknown or unimplemented command is answered with its error without running anything
     */
    public CompletionStage<Reply> executeFromMaster(Request request, ClientSession session) {
        CompletionStage<Reply> held = checks.holdMaster(() -> executeFromMaster(request, session));
        if (held != null) {
            return held;
        }
        CommandTable.Resolution resolution = node.commandTable().resolve(request.args());
        if (resolution instanceof CommandTable.Resolution.Rejected rejected) {
            return CompletableFuture.completedFuture(rejected.error());
        }
        CommandSpec spec = ((CommandTable.Resolution.Found) resolution).spec();
        session.recordCommand(System.currentTimeMillis(), spec.name());
        if (registry.find(spec) == null) {
            return CompletableFuture.completedFuture(Reply.error("ERR unsupported command '" + spec.name() + "'"));
        }
        return execute(new Invocation(spec, request), session, false);
    }

    /** Refuses a command the table knows before executing it, counting it as rejected. */
    private CompletionStage<Reply> reject(ClientSession session, CommandSpec spec, String error) {
        activity.commandStats.rejected(spec.name());
        return reject(session, Reply.error(error));
    }

    private CompletionStage<Reply> reject(ClientSession session, Reply.SimpleError error) {
        if (session.inMulti()) {
            session.transaction().abort();
        }
        return CompletableFuture.completedFuture(counted(error));
    }

    /** Counts an executed command's error reply, as an error reply and as a failed call of the command. */
    private Reply countedFailure(Invocation invocation, Reply reply) {
        if (reply instanceof Reply.SimpleError) {
            activity.commandStats.failed(invocation.spec().name());
        }
        return counted(reply);
    }

    private Reply counted(Reply reply) {
        if (reply instanceof Reply.SimpleError error) {
            node.stats().errorReplied(error.message());
        }
        return reply;
    }

    private static Reply failure(Invocation invocation, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CommandException commandError) {
            return commandError.reply();
        }
        LOG.warn("Command '{}' failed", invocation.spec().name(), cause);
        return Reply.error("ERR internal error of the Slotwise simulator executing '"
                + invocation.spec().name() + "', see the node's log");
    }

    private static boolean isHttpRequestLine(Request request) {
        String name = request.commandName();
        return name.equals("post") || name.equals("host:");
    }
}

package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.RespVersion;
import io.slotwise.sim.server.ClientSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@link CommandDispatcher}'s checks that depend on the state of the cluster, the node or the client rather than
 * on the command's permissions: cluster redirection and the replica write check, the Pub/Sub context of a RESP2 client, the node {@linkplain DatasetLoading loading} its
 * dataset, and a running script ({@link ScriptGate}), which holds other clients' and the master's commands and later
 * makes the node busy.
 *
 * <p>Confined to the node's event loop (the loading flag may be set from any thread).
 */
final class AdmissionChecks {
    private static final Set<String> ALLOWED_WHILE_SUBSCRIBED = Set.of(
            "ping",
            "subscribe",
            "ssubscribe",
            "unsubscribe",
            "sunsubscribe",
            "psubscribe",
            "punsubscribe",
            "quit",
            "reset");

    private final NodeServices node;
    private final RedirectCheck redirectCheck;
    private final DatasetLoading loading = new DatasetLoading();
    private ScriptGate scriptGate;

    AdmissionChecks(NodeServices node, RedirectCheck redirectCheck) {
        this.node = node;
        this.redirectCheck = redirectCheck;
    }

    /** Returns the node's dataset-loading flag. */
    DatasetLoading loading() {
        return loading;
    }

    /**
     * Holds a client's request while a script runs and the node is not busy yet, as Redis would not read the client
     * meanwhile; it is dispatched again once the script ends or the node becomes busy, in arrival order, unless the
     * client has disconnected (then its reply is null).
     *
     * @param session the client
     * @param retry dispatches the request again
     * @return the eventual reply, or null when the request is not held
     */
    CompletionStage<Reply> holdClient(ClientSession session, Supplier<CompletionStage<Reply>> retry) {
        ScriptGate gate = scriptGate();
        if (gate == null || !gate.holds(session)) {
            return null;
        }
        CompletableFuture<Reply> later = new CompletableFuture<>();
        gate.hold(() -> {
            if (session.channel().isActive()) {
                retry.get().whenComplete((reply, error) -> later.complete(reply));
            } else {
                later.complete(null);
            }
        });
        return later;
    }

    /**
     * Holds a command from the replica's master while a script runs (busy or not), as Redis reads no master input
     * meanwhile; the held commands run in arrival order right after the script ends, before held clients.
     *
     * @param retry executes the command
     * @return the eventual reply, or null when the command is not held
     */
    CompletionStage<Reply> holdMaster(Supplier<CompletionStage<Reply>> retry) {
        ScriptGate gate = scriptGate();
        if (gate == null || !gate.running()) {
            return null;
        }
        CompletableFuture<Reply> later = new CompletableFuture<>();
        gate.whenIdle(() -> retry.get().whenComplete((reply, error) -> later.complete(reply)));
        return later;
    }

    /**
     * In cluster mode, the {@link RedirectCheck} for a command that can have keys, or for EXEC inside MULTI when a
     * queued command can have keys (it then sees every queued command); then its replica write check.
     *
     * @param invocation the command
     * @param session the client
     * @return the redirection or refusal, or empty when the node serves the command
     */
    Optional<Reply.SimpleError> redirect(Invocation invocation, ClientSession session) {
        if (!node.config().clusterEnabled()) {
            return Optional.empty();
        }
        List<Invocation> commands;
        if (invocation.spec().name().equals("exec")) {
            commands = session.inMulti() ? session.transaction().queued() : List.of();
        } else {
            commands = List.of(invocation);
        }
        Optional<Reply.SimpleError> redirect = commands.stream().anyMatch(AdmissionChecks::mayHaveKeys)
                ? redirectCheck.check(commands, session)
                : Optional.empty();
        return redirect.isPresent() ? redirect : redirectCheck.checkReplicaWrite(commands, session);
    }

    private static boolean mayHaveKeys(Invocation invocation) {
        return invocation.spec().firstKey() > 0 || invocation.spec().has(CommandFlag.MOVABLEKEYS);
    }

    /**
     * Returns the refusal of a command in a RESP2 client's Pub/Sub context, without its {@code ERR } or {@code
     * EXECABORT ...} prefix.
     *
     * @param spec the command
     * @param session the client
     * @return the refusal, or empty when the command may run
     */
    Optional<String> subscribedRefusal(CommandSpec spec, ClientSession session) {
        if (!session.subscribed()
                || session.protocol() != RespVersion.RESP2
                || ALLOWED_WHILE_SUBSCRIBED.contains(spec.name())) {
            return Optional.empty();
        }
        return Optional.of("Can't execute '" + spec.name() + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT"
                + " / RESET are allowed in this context");
    }

    /**
     * Returns the LOADING error while the node loads its dataset, else the BUSY error while a script runs past the
     * threshold, for a command that may not run then.
     *
     * @param invocation the command
     * @param queued the queued commands when the command is EXEC inside MULTI, else empty
     * @return the error message, or empty when the command may run
     */
    Optional<String> stateRefusal(Invocation invocation, List<Invocation> queued) {
        return loading.refusal(invocation.spec(), queued).or(() -> busyRefusal(invocation));
    }

    /** The BUSY error while a script runs past the threshold, for commands without {@code allow_busy}. */
    private Optional<String> busyRefusal(Invocation invocation) {
        ScriptGate gate = scriptGate();
        if (gate == null || !gate.busy()) {
            return Optional.empty();
        }
        CommandSpec spec = invocation.spec();
        boolean allowed = spec.has(CommandFlag.ALLOW_BUSY);
        if (spec.name().equals("shutdown")) {
            // Only SHUTDOWN NOSAVE may end a node that runs a script.
            allowed = invocation.request().args().stream()
                    .skip(1)
                    .anyMatch(arg -> new String(arg, StandardCharsets.ISO_8859_1).equalsIgnoreCase("nosave"));
        }
        return allowed ? Optional.empty() : Optional.of(gate.busyError());
    }

    private ScriptGate scriptGate() {
        if (scriptGate == null) {
            scriptGate = node.service(ScriptGate.class).orElse(null);
        }
        return scriptGate;
    }
}

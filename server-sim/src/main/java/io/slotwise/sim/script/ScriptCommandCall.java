package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandFlag;
import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.command.CommandSpec;
import io.slotwise.sim.command.CommandTable;
import io.slotwise.sim.command.Invocation;
import io.slotwise.sim.command.RedirectCheck;
import io.slotwise.sim.keyspace.KeySlot;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs the command of one {@code redis.call} or {@code redis.pcall} after the checks Redis 7.0's {@code scriptCall}
 * makes, in its order, each answering Redis's text: unknown command, wrong arity, {@code noscript} commands, a write
 * from a read-only script, a write on a replica, and in cluster mode a key this node does not serve (or, for scripts
 * with a shebang, keys of another slot than the script's). Stateless apart from the registry it consults; called on
 * the node's event loop.
 */
final class ScriptCommandCall {
    static final String UNKNOWN = "ERR Unknown Redis command called from script";
    static final String ARITY = "ERR Wrong number of args calling Redis command from script";
    static final String NOT_ALLOWED = "ERR This Redis command is not allowed from script";
    static final String READ_ONLY_SCRIPT = "ERR Write commands are not allowed from read-only scripts.";
    static final String NON_LOCAL = "ERR Script attempted to access a non local key in a cluster node";
    static final String CROSS_SLOT = "ERR Script attempted to access keys that do not hash to the same slot";
    static final String CLUSTER_DOWN = "ERR Script attempted to execute a command while the cluster is down";

    private final CommandRegistry registry;

    ScriptCommandCall(CommandRegistry registry) {
        this.registry = registry;
    }

    /**
     * Checks and runs one command.
     *
     * @param run the running script
     * @param args the command and its arguments
     * @return the command's reply, or the error reply of a failed check
     */
    Reply call(ScriptRun run, List<byte[]> args) {
        CommandTable.Resolution resolution = run.ctx.node().commandTable().resolve(args);
        if (resolution instanceof CommandTable.Resolution.Rejected rejected) {
            if (rejected.command() == null) {
                return Reply.error(UNKNOWN);
            }
            run.ctx.countRejectedNested(rejected.command());
            return Reply.error(ARITY);
        }
        CommandSpec spec = ((CommandTable.Resolution.Found) resolution).spec();
        Invocation invocation = new Invocation(spec, Request.of(new ArrayList<>(args)));
        Reply refusal = refusal(run, invocation);
        if (refusal != null) {
            run.ctx.countRejectedNested(spec);
            return refusal;
        }
        if (spec.has(CommandFlag.WRITE)) {
            run.wrote = true; // Redis marks the script dirty once a write passed the checks, whatever its outcome
        }
        CompletionStage<Reply> stage = run.ctx.executeNested(invocation);
        if (stage instanceof CompletableFuture<Reply> future && future.isDone() && !future.isCompletedExceptionally()) {
            Reply reply = future.join();
            return reply == null ? Reply.nullBulk() : reply;
        }
        return Reply.error("ERR the Slotwise simulator cannot wait for '" + spec.name() + "' inside a script");
    }

    /** The error of the first check that refuses a command the table knows, or null if it may run. */
    private Reply refusal(ScriptRun run, Invocation invocation) {
        CommandSpec spec = invocation.spec();
        if (spec.has(CommandFlag.NOSCRIPT)) {
            return Reply.error(NOT_ALLOWED);
        }
        boolean write = spec.has(CommandFlag.WRITE);
        if (write && run.readOnly) {
            return Reply.error(READ_ONLY_SCRIPT);
        }
        if (!registry.isRegistered(spec.name())) {
            return Reply.error(
                    "ERR unsupported command '" + spec.name() + "': the Slotwise simulator does not implement it");
        }
        return clusterCheck(run, invocation, write).orElse(null);
    }

    private static Optional<Reply> clusterCheck(ScriptRun run, Invocation invocation, boolean write) {
        Optional<RedirectCheck> check = run.ctx.node().service(RedirectCheck.class);
        if (!run.ctx.node().config().clusterEnabled() || check.isEmpty()) {
            return Optional.empty();
        }
        if (write) {
            Optional<Reply.SimpleError> readOnly =
                    check.get().checkReplicaWrite(List.of(invocation), run.ctx.session());
            if (readOnly.isPresent()) {
                return Optional.of(readOnly.get());
            }
        }
        int[] keys = invocation.keyIndexes();
        if (keys.length > 0) {
            Optional<Reply.SimpleError> redirect = check.get().check(List.of(invocation), run.ctx.session());
            if (redirect.isPresent()) {
                String text = redirect.get().message();
                return Optional.of(Reply.error(text.startsWith("CLUSTERDOWN") ? CLUSTER_DOWN : NON_LOCAL));
            }
            int slot = KeySlot.of(invocation.request().arg(keys[0]));
            if (!run.flags.allowCrossSlot()) {
                if (run.slot == -1) {
                    run.slot = slot;
                } else if (run.slot != slot) {
                    return Optional.of(Reply.error(CROSS_SLOT));
                }
            }
        }
        return Optional.empty();
    }
}

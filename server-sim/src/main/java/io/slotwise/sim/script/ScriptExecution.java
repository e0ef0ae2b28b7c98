package io.slotwise.sim.script;

import io.slotwise.sim.ConfigDirective;
import io.slotwise.sim.command.ScriptGate;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.script.lua.LuaError;
import io.slotwise.sim.script.lua.LuaFunction;
import io.slotwise.sim.script.lua.LuaInterrupt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a node's scripts to their replies. An EVAL or FCALL runs its Lua code on the node's script thread while the
 * event loop stays free: the {@link ScriptGate} holds or refuses other clients meanwhile, and every command the script
 * calls hops to the event loop ({@link ScriptRun#onEventLoop}). The script ends when its code returns, raises an error
 * (Redis's {@code <error> script: <name>, on @user_script:<line>.} reply) or is killed (SCRIPT KILL, FUNCTION KILL, the
 * node closing). A script inside MULTI/EXEC runs synchronously on the event loop instead (EXEC needs each reply at
 * once) and is stopped after {@code busy-reply-threshold} ms, as the simulator did before scripts could be busy.
 *
 * <p>Threading: {@link #run}, {@link #close} and the reply run on the event loop (the reply fails on the script thread
 * when the node closed while the script ran); {@link #current()} may be read from the script thread.
 */
final class ScriptExecution {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptExecution.class);
    private static final String KILLED = "ERR Script killed by user with SCRIPT KILL...";
    private static final long IDLE_THREAD_SECONDS = 10;

    private final ScriptGate gate;
    private ThreadPoolExecutor thread;
    private volatile ScriptRun current;
    private boolean closed;

    ScriptExecution(ScriptGate gate) {
        this.gate = gate;
    }

    /** Returns the script running now, or null. */
    ScriptRun current() {
        return current;
    }

    /**
     * Runs a script's function to the reply of its command.
     *
     * @param run the script
     * @param function its code
     * @param args the function's arguments
     * @return the reply, completed on the event loop when the script ends (at once inside a transaction)
     */
    CompletionStage<Reply> run(ScriptRun run, LuaFunction function, Object[] args) {
        long threshold = Long.parseLong(run.ctx.node().config().get(ConfigDirective.BUSY_REPLY_THRESHOLD));
        if (run.ctx.inTransaction() || gate.running() || closed) {
            return CompletableFuture.completedFuture(runHere(run, function, args, threshold));
        }
        current = run;
        gate.started(run.ctx.session(), run.eval(), threshold, () -> logSlowScript(run, threshold));
        run.ctx.spanUntilReply();
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        Runnable body = () -> {
            Reply result;
            try {
                result = evaluate(run, function, args, run::killed, KILLED);
            } catch (RuntimeException | Error e) {
                LOG.warn("Script {} failed inside the simulator", run.name, e);
                result = Reply.error(
                        "ERR internal error of the Slotwise simulator running a script, see the node's log");
            }
            Reply finalResult = result;
            try {
                run.loop.execute(() -> finish(run, reply, finalResult));
            } catch (RejectedExecutionException e) {
                closedDuring(run, reply, e);
            }
        };
        try {
            executor().execute(body);
        } catch (RejectedExecutionException e) {
            finish(run, reply, Reply.error("ERR the Slotwise simulator is closing"));
        }
        return reply;
    }

    private Reply runHere(ScriptRun run, LuaFunction function, Object[] args, long threshold) {
        ScriptRun previous = current;
        current = run;
        try {
            long deadline = System.nanoTime() + threshold * 1_000_000L;
            BooleanSupplier late = () -> System.nanoTime() - deadline > 0;
            return evaluate(
                    run,
                    function,
                    args,
                    late,
                    "ERR Script killed by the Slotwise simulator after running longer than busy-reply-threshold ("
                            + threshold + " ms) inside MULTI/EXEC");
        } finally {
            current = previous;
        }
    }

    private void finish(ScriptRun run, CompletableFuture<Reply> reply, Reply result) {
        if (current == run) {
            current = null;
        }
        reply.complete(result); // replicates the script's writes and writes the reply before anything held runs
        gate.finished();
    }

    /**
     * The event loop refused the script's end: the node closed while it ran. Its loop runs no more tasks, so the end
     * is handled here, on the script thread: the reply fails and the gate lets go of what it held.
     */
    private void closedDuring(ScriptRun run, CompletableFuture<Reply> reply, RejectedExecutionException cause) {
        if (current == run) {
            current = null;
        }
        reply.completeExceptionally(new IllegalStateException("the node closed while the script ran", cause));
        try {
            gate.finished();
        } catch (RuntimeException e) {
            LOG.debug("Work held by script {} failed after the node closed", run.name, e);
        }
    }

    private static Reply evaluate(
            ScriptRun run, LuaFunction function, Object[] args, BooleanSupplier interrupted, String interruptedError) {
        try {
            Object[] results = run.runtime.run(function, args, interrupted);
            return LuaReplies.toReply(results.length == 0 ? null : results[0], run.resp);
        } catch (LuaError e) {
            return Reply.error(LuaReplies.oneLine(ScriptEngine.errorText(e.value()) + run.errorSuffix(e.line())));
        } catch (LuaInterrupt e) {
            return Reply.error(interruptedError + run.errorSuffix(e.line()));
        }
    }

    private static void logSlowScript(ScriptRun run, long threshold) {
        LOG.warn(
                "Slow script detected: still in execution after {} milliseconds. You can try killing the script using"
                        + " the {} command. Script {} is: {}.",
                threshold,
                run.eval() ? "SCRIPT KILL" : "FUNCTION KILL",
                run.eval() ? "SHA1" : "name",
                run.name);
    }

    private ThreadPoolExecutor executor() {
        if (thread == null) {
            thread = new ThreadPoolExecutor(
                    1, 1, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                        Thread t = new Thread(task, "slotwise-script");
                        t.setDaemon(true);
                        return t;
                    });
            thread.allowCoreThreadTimeOut(true);
        }
        return thread;
    }

    /** Kills the running script and stops the script thread: the node is closing. */
    void close() {
        closed = true;
        ScriptRun running = current;
        if (running != null) {
            running.kill();
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}

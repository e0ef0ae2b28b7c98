package io.slotwise.sim.script;

import io.netty.channel.EventLoop;
import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.script.lua.LuaInterrupt;
import io.slotwise.sim.script.lua.LuaRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the {@code redis} library needs to know about the script that is running: the command that started it, how
 * errors name it ({@code script: <sha>, on @user_script:<line>.}), its flags, whether only reads are allowed, the RESP
 * version chosen with {@code redis.setresp}, the slot of the keys touched so far, whether it wrote (then SCRIPT KILL
 * answers UNKILLABLE) and whether it was killed. One per EVAL or FCALL.
 *
 * <p>Threading: created on the node's event loop; the script's Lua code runs on a script thread, which runs every
 * command of the script on the event loop through {@link #onEventLoop}. {@link #kill()} may be called from any thread.
 */
final class ScriptRun {
    private static final long HOP_CHECK_MILLIS = 100;

    final CommandContext ctx;
    final LuaRuntime runtime;
    final String name;
    final String source;
    final ScriptFlags flags;
    final boolean readOnly;
    final EventLoop loop;
    final long startedMillis = System.currentTimeMillis();
    int resp = 2;
    int slot;
    /** Whether a write command ran (on the event loop only). */
    boolean wrote;

    private volatile boolean killed;

    /**
     * @param ctx the EVAL or FCALL
     * @param runtime the Lua state running it
     * @param name the SHA-1 of the script or the function's name
     * @param source {@code @user_script} or {@code @user_function}
     * @param flags the script's flags
     * @param readOnly whether write commands are refused (EVAL_RO, FCALL_RO, {@code no-writes})
     * @param declaredSlot the slot of the declared keys, -1 if none
     */
    ScriptRun(
            CommandContext ctx,
            LuaRuntime runtime,
            String name,
            String source,
            ScriptFlags flags,
            boolean readOnly,
            int declaredSlot) {
        this.ctx = ctx;
        this.runtime = runtime;
        this.name = name;
        this.source = source;
        this.flags = flags;
        this.readOnly = readOnly;
        this.slot = declaredSlot;
        this.loop = ctx.node().eventLoop();
    }

    /** Whether it is an EVAL script (else a function). */
    boolean eval() {
        return source.equals("@user_script");
    }

    /** Returns the suffix Redis appends to the error that ends a script. */
    String errorSuffix(int line) {
        return " script: " + name + ", on " + source + ":" + line + ".";
    }

    /** Asks the script to stop at its next interrupt check (SCRIPT KILL, FUNCTION KILL, the node closing). */
    void kill() {
        killed = true;
    }

    /** Whether {@link #kill()} was called; the Lua runtime's interrupt condition. */
    boolean killed() {
        return killed;
    }

    /**
     * Runs an action on the node's event loop and waits for its result: at once when called there (a script run
     * synchronously inside EXEC), else as a task, so that everything of the node stays confined to its loop.
     *
     * @param action what to run, typically a script's command
     * @return the action's result
     * @throws LuaInterrupt if the event loop is gone (the node closed)
     */
    Reply onEventLoop(Supplier<Reply> action) {
        if (loop.inEventLoop()) {
            return action.get();
        }
        CompletableFuture<Reply> result = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    result.complete(action.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new LuaInterrupt(runtime.currentLine());
        }
        while (true) {
            try {
                return result.get(HOP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (loop.isShuttingDown()) {
                    throw new LuaInterrupt(runtime.currentLine());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LuaInterrupt(runtime.currentLine());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtimeError) {
                    throw runtimeError;
                }
                throw (Error) e.getCause();
            }
        }
    }
}

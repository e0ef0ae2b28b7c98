package io.slotwise.netty.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.slotwise.RedisException;
import io.slotwise.resp.RespValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's steps run on its one event loop, and fail cleanly once that loop is gone or the engine closes. */
class LoopStepsTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final LoopSteps steps = new LoopSteps(loop, closing::get);

    @AfterEach
    void stopLoop() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void aStepFromAnotherThreadRunsOnTheLoop() throws Exception {
        CompletableFuture<Boolean> onLoop = new CompletableFuture<>();

        steps.run(() -> onLoop.complete(loop.inEventLoop()));

        assertTrue(onLoop.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aStepOnTheLoopRunsAtOnceBeforeWhatFollowsIt() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();

        loop.submit(() -> {
                    steps.run(() -> order.add("step"));
                    order.add("after");
                })
                .get(5, TimeUnit.SECONDS);

        assertEquals(List.of("step", "after"), order);
    }

    @Test
    void aStepTheStoppedLoopRejectsTakesItsFallbackOnTheCallingThread() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        AtomicBoolean ran = new AtomicBoolean();
        List<Thread> fallbackThreads = new CopyOnWriteArrayList<>();

        steps.run(() -> ran.set(true), () -> fallbackThreads.add(Thread.currentThread()));

        assertFalse(ran.get());
        assertEquals(List.of(Thread.currentThread()), fallbackThreads);
    }

    @Test
    void aReplyOutcomeRunsOnTheLoopAndSeesTheFailureUnwrapped() throws Exception {
        CompletableFuture<RespValue> source = new CompletableFuture<>();
        CompletionStage<RespValue> sent = source.thenApply(reply -> reply); // wraps failures in CompletionException
        RedisException cause = new RedisException("Connection lost");
        List<Object> seen = new CopyOnWriteArrayList<>();

        CompletionStage<String> result = steps.after(sent, (reply, failure) -> {
            seen.add(loop.inEventLoop());
            seen.add(failure);
            return "judged";
        });
        source.completeExceptionally(cause);

        assertEquals("judged", result.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(List.of(true, cause), seen);
    }

    @Test
    void whatAReplyOutcomeThrowsFailsItsStage() {
        RedisException refused = new RedisException("ERR refused");

        CompletionStage<Void> result =
                steps.after(CompletableFuture.completedFuture(new RespValue.Error("ERR refused")), (reply, failure) -> {
                    throw refused;
                });

        assertSame(refused, causeOf(result));
    }

    @Test
    void aReplyOutcomeFailsAsClosedOnceTheLoopIsGone() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        AtomicBoolean judged = new AtomicBoolean();

        CompletionStage<Void> result =
                steps.after(CompletableFuture.completedFuture(RespValue.Null.INSTANCE), (reply, failure) -> {
                    judged.set(true);
                    return null;
                });

        assertEquals("The subscriber is closed", causeOf(result).getMessage());
        assertFalse(judged.get());
    }

    @Test
    void aStageFailsAsClosedWithoutRunningItsStepWhileTheEngineCloses() {
        closing.set(true);
        AtomicBoolean ran = new AtomicBoolean();

        CompletionStage<Void> result = steps.stage(() -> {
            ran.set(true);
            return CompletableFuture.completedFuture(null);
        });

        assertEquals("The subscriber is closed", causeOf(result).getMessage());
        assertFalse(ran.get());
    }

    @Test
    void aStageEndsAsItsStepsStageDoesWithFailuresUnwrapped() throws Exception {
        RedisException cause = new RedisException("No node serves slot 1");
        CompletableFuture<Void> failing = new CompletableFuture<>();

        CompletionStage<Void> ok = steps.stage(() -> CompletableFuture.completedFuture(null));
        CompletionStage<Void> failed = steps.stage(() -> failing.thenApply(v -> v));
        failing.completeExceptionally(cause);

        ok.toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertSame(cause, causeOf(failed));
    }

    @Test
    void whatAStageStepThrowsFailsTheStage() {
        IllegalStateException bug = new IllegalStateException("bug");

        CompletionStage<Void> result = steps.stage(() -> {
            throw bug;
        });

        assertSame(bug, causeOf(result));
    }

    private static Throwable causeOf(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(
                ExecutionException.class, () -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(Throwable.class, e.getCause());
        return e.getCause();
    }
}

package io.slotwise.netty.pubsub;

import io.netty.channel.EventLoop;
import io.slotwise.RedisException;
import io.slotwise.netty.retry.RetryClassifier;
import io.slotwise.resp.RespValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs the steps of a {@link SubscriptionEngine} on its one event loop: directly when already there, else by handing
 * them over; a step the loop rejects (it is shutting down) takes its fallback instead.
 *
 * <p>Threading: any thread may call; every step given here runs on the loop (or, when the loop rejects it, not at all,
 * and its fallback runs on the calling thread). Holds no mutable state of its own.
 */
final class LoopSteps {

    /** A step run on the loop once a link's reply (or failure) is in. */
    @FunctionalInterface
    interface Outcome<T> {
        /**
         * Judges a reply.
         *
         * @param reply the reply; null when {@code failure} is set
         * @param failure why no reply came, unwrapped from {@link CompletionException}; null when {@code reply} is set
         * @return the step's result
         * @throws Throwable to fail the step's stage with it
         */
        T apply(RespValue reply, Throwable failure) throws Throwable;
    }

    private final EventLoop loop;
    private final BooleanSupplier closing;

    /**
     * Creates the helper.
     *
     * @param loop the engine's event loop
     * @param closing whether the engine is closing: {@link #stage} then fails instead of running its step
     */
    LoopSteps(EventLoop loop, BooleanSupplier closing) {
        this.loop = loop;
        this.closing = closing;
    }

    /** The event loop, for scheduling and as an executor. */
    EventLoop loop() {
        return loop;
    }

    /** Runs {@code task} on the loop: now if already there, else later; dropped if the loop rejects it. */
    void run(Runnable task) {
        run(task, () -> {});
    }

    /** Runs {@code task} on the loop: now if already there, else later; runs {@code ifRejected} if the loop rejects it. */
    void run(Runnable task, Runnable ifRejected) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            ifRejected.run();
        }
    }

    /**
     * Applies {@code outcome} on the loop once {@code sent} completes.
     *
     * @return completes with the outcome's result or what it threw; fails with {@link #closedException()} if the loop
     *     rejects the step
     */
    <T> CompletionStage<T> after(CompletionStage<RespValue> sent, Outcome<T> outcome) {
        CompletableFuture<T> result = new CompletableFuture<>();
        sent.whenComplete((reply, failure) -> run(
                () -> {
                    try {
                        result.complete(outcome.apply(reply, unwrap(failure)));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                () -> result.completeExceptionally(closedException())));
        return result;
    }

    /**
     * Runs {@code step} on the loop unless the engine is closing, and follows the stage it returns.
     *
     * @return completes when the step's stage does, failing with its unwrapped cause or what the step threw; fails with
     *     {@link #closedException()} when the engine is closing or the loop rejects the step
     */
    CompletionStage<Void> stage(Supplier<CompletionStage<Void>> step) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        run(
                () -> {
                    if (closing.getAsBoolean()) {
                        result.completeExceptionally(closedException());
                        return;
                    }
                    try {
                        step.get().whenComplete((ok, failure) -> {
                            if (failure == null) {
                                result.complete(null);
                            } else {
                                result.completeExceptionally(unwrap(failure));
                            }
                        });
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                },
                () -> result.completeExceptionally(closedException()));
        return result;
    }

    /** The cause inside any {@link CompletionException} wrapping; {@code failure} itself otherwise (null stays null). */
    static Throwable unwrap(Throwable failure) {
        return RetryClassifier.unwrap(failure);
    }

    /** A new failure telling that the subscriber is closed. */
    static RedisException closedException() {
        return new RedisException("The subscriber is closed");
    }
}

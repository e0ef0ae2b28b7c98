package io.slotwise.netty.retry;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.slotwise.RetrySettings;
import io.slotwise.command.Command;
import io.slotwise.event.ClientEventListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Runs the attempts of one command with resilience4j-retry: up to {@link RetrySettings#maxAttempts()} attempts,
 * exponential randomised backoff between them, scheduled on the client's event loops ({@link
 * Retry#decorateCompletionStage}), so no thread ever sleeps. Which failures are retried is {@link RetryClassifier}'s
 * decision; nothing is retried once the client is closing.
 *
 * <p>Each attempt is a fresh call of the caller's function, which dispatches the command from scratch (a new topology
 * snapshot, a new route). Thread-safe; one instance serves a whole client.
 */
public final class TransientRetry {

    private final RetryClassifier classifier;
    private final ScheduledExecutorService scheduler;
    private final ClientEventListener listener;
    private final Retry replayable;
    private final Retry notReplayable;

    /**
     * Creates the retry support of one client.
     *
     * @param settings attempts and backoff
     * @param classifier which failures are retried
     * @param scheduler where backoff delays run: the client's event loop group
     * @param closing true once the client is closing; stops further attempts
     * @param listener receives {@link ClientEventListener#retried} before each attempt after the first
     */
    public TransientRetry(
            RetrySettings settings,
            RetryClassifier classifier,
            ScheduledExecutorService scheduler,
            BooleanSupplier closing,
            ClientEventListener listener) {
        this.classifier = classifier;
        this.scheduler = scheduler;
        this.listener = listener;
        IntervalFunction backoff =
                IntervalFunction.ofExponentialRandomBackoff(settings.backoffBase(), 2.0, 0.5, settings.backoffCap());
        this.replayable = Retry.of("slotwise-replayable", config(settings, backoff, closing, true));
        this.notReplayable = Retry.of("slotwise", config(settings, backoff, closing, false));
    }

    private RetryConfig config(
            RetrySettings settings, IntervalFunction backoff, BooleanSupplier closing, boolean replay) {
        return RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(backoff)
                .retryOnException(failure -> !closing.getAsBoolean() && RetryClassifier.isRetryable(failure, replay))
                .writableStackTraceEnabled(false)
                .build();
    }

    /**
     * Runs a command's attempts.
     *
     * <p>The first attempt runs directly, without resilience4j: a command that succeeds at once, the common case,
     * costs one callback. Only once it fails does resilience4j take over, with that failure as its first attempt's
     * outcome, so the retry decision, the attempt count and the backoff are exactly resilience4j's.
     *
     * @param command the command, for the replay decision and events
     * @param attempt starts attempt {@code n} (from 1) and returns its outcome; called on the caller's thread for the
     *     first attempt and on an event loop for the others; may throw, which counts as a failed attempt
     * @param <T> the result type
     * @return the first successful attempt's result, or the last failure (unwrapped), explained by {@link
     *     RetryClassifier#explain}
     */
    public <T> CompletionStage<T> run(Command<?> command, IntFunction<CompletionStage<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        run(command, attempt, (value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /**
     * Runs a command's attempts like {@link #run(Command, IntFunction)}, handing the outcome to a callback instead of a
     * stage, for a caller that would only attach one callback to that stage.
     *
     * @param command the command, for the replay decision and events
     * @param attempt as for {@link #run(Command, IntFunction)}
     * @param outcome called once, with the first successful attempt's result and {@code null}, or with {@code null}
     *     and the last failure (unwrapped and explained); on the thread that completed the last attempt, or the caller's
     *     thread if the first attempt completed at once. It must not throw
     * @param <T> the result type
     */
    public <T> void run(
            Command<?> command, IntFunction<CompletionStage<T>> attempt, BiConsumer<? super T, Throwable> outcome) {
        CompletionStage<T> first = start(attempt, 1);
        first.whenComplete((value, failure) -> {
            if (failure == null) {
                outcome.accept(value, null);
            } else {
                retryAfter(command, attempt, first, failure, outcome);
            }
        });
    }

    /** Hands a command whose first attempt failed to resilience4j, which decides on and schedules further attempts. */
    private <T> void retryAfter(
            Command<?> command,
            IntFunction<CompletionStage<T>> attempt,
            CompletionStage<T> failedFirst,
            Throwable firstFailure,
            BiConsumer<? super T, Throwable> outcome) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Throwable> lastFailure = new AtomicReference<>(RetryClassifier.unwrap(firstFailure));
        Retry retry = classifier.mayReplay(command) ? replayable : notReplayable;
        Retry.decorateCompletionStage(retry, scheduler, () -> {
                    int n = attempts.incrementAndGet();
                    if (n == 1) {
                        return failedFirst.toCompletableFuture();
                    }
                    listener.retried(command.name(), n, lastFailure.get());
                    return start(attempt, n)
                            .whenComplete((value, failure) -> {
                                if (failure != null) {
                                    lastFailure.set(RetryClassifier.unwrap(failure));
                                }
                            })
                            .toCompletableFuture();
                })
                .get()
                .whenComplete((value, failure) -> {
                    if (failure == null) {
                        outcome.accept(value, null);
                    } else {
                        outcome.accept(null, classifier.explain(command, failure));
                    }
                });
    }

    private static <T> CompletionStage<T> start(IntFunction<CompletionStage<T>> attempt, int n) {
        try {
            return attempt.apply(n);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

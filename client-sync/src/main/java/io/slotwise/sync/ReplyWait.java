package io.slotwise.sync;

import io.slotwise.RedisException;
import io.slotwise.RedisTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks the calling thread until a stage completes or a deadline passes, and turns the outcome into a value or the
 * exception a synchronous caller should see. Leaves the stage alone when it gives up: the async client completes it
 * later with its own timeout.
 */
final class ReplyWait {

    private ReplyWait() {}

    /**
     * Waits for the stage an operation returned.
     *
     * @param stage the stage
     * @param sent what the operation sent, for the deadline and for messages
     * @param options the timeouts
     * @param startNanos {@link System#nanoTime()} when the operation was started
     * @return the stage's value
     */
    static <T> T await(CompletionStage<T> stage, ObservedCommands<?, ?> sent, SyncOptions options, long startNanos) {
        CompletableFuture<T> future = asFuture(stage);
        try {
            if (sent.blocksIndefinitely()) {
                return future.get();
            }
            long budget = saturatedSum(options.commandTimeout(), sent.longestBlocking(), options.deadlineMargin());
            long remaining = budget - (System.nanoTime() - startNanos);
            return future.get(Math.max(0L, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw deadlineMissed(sent, options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException(
                    "Interrupted while waiting for the reply to " + sent.description()
                            + "; the command was sent and may still run on the server",
                    e);
        } catch (ExecutionException | CancellationException e) {
            throw unwrap(e, sent.description());
        }
    }

    /**
     * Finds the failure a caller should see. {@link RedisException}s and other unchecked exceptions are returned as
     * they are (the same instance, so their type and fields survive); {@link Error}s are thrown; cancellation and
     * checked exceptions become a {@link RedisException} with the original as the cause.
     *
     * @param failure what the stage completed with, possibly wrapped in {@link CompletionException} or {@link
     *     ExecutionException}
     * @param description what was sent, for messages
     * @return the exception to throw
     */
    static RuntimeException unwrap(Throwable failure, String description) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof CancellationException) {
            return new RedisException(description + " was cancelled before it completed", cause);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new RedisException(
                description + " failed with " + cause.getClass().getName(), cause);
    }

    private static <T> CompletableFuture<T> asFuture(CompletionStage<T> stage) {
        if (stage instanceof CompletableFuture<T> future && future.getClass() == CompletableFuture.class) {
            return future; // subclasses, such as minimalCompletionStage(), may refuse get()
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(failure);
            }
        });
        return future;
    }

    private static RedisTimeoutException deadlineMissed(ObservedCommands<?, ?> sent, SyncOptions options) {
        Duration blocking = sent.longestBlocking();
        String allowance = "command timeout " + options.commandTimeout().toMillis() + " ms"
                + (blocking.isZero() ? "" : " + blocking timeout " + blocking.toMillis() + " ms")
                + " + margin " + options.deadlineMargin().toMillis() + " ms";
        return new RedisTimeoutException(
                sent.description() + ": no reply within " + allowance
                        + "; the command was sent and may still run on the server",
                true);
    }

    /** The sum of three non-negative durations in nanoseconds, {@link Long#MAX_VALUE} if it overflows. */
    private static long saturatedSum(Duration first, Duration second, Duration third) {
        return saturatedAdd(saturatedAdd(saturatedNanos(first), saturatedNanos(second)), saturatedNanos(third));
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}

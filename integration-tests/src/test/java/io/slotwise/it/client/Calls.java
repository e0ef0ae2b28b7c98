package io.slotwise.it.client;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the client's stages in tests, bounded, turning unexpected outcomes into assertion failures. */
final class Calls {

    /** Longer than any command may legitimately take in these tests, retries included. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    private Calls() {}

    /**
     * Returns the stage's value.
     *
     * @throws AssertionError if it failed (with the failure as cause) or did not complete within {@link #LIMIT}
     */
    static <T> T value(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the call did not complete within " + LIMIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Returns what the stage failed with, unwrapped.
     *
     * @throws AssertionError if it succeeded or did not complete within {@code limit}
     */
    static Throwable failure(CompletionStage<?> stage, Duration limit) {
        try {
            Object value = stage.toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected the call to fail, but it returned " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the call did not complete within " + limit.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

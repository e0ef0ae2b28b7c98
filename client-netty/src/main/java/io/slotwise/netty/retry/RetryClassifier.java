package io.slotwise.netty.retry;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.UncoveredSlotException;
import io.slotwise.command.Command;
import io.slotwise.command.CommandTrait;
import io.slotwise.routing.ServerErrorKind;
import java.util.concurrent.CompletionException;

/**
 * Decides whether a failed attempt of a command may be sent again. Pure and thread-safe.
 *
 * <ul>
 *   <li>Transient server errors ({@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code LOADING}, {@code MASTERDOWN}: the
 *       redirect policy's {@code RetryLater}) and uncovered slots: yes; nothing was executed.
 *   <li>Connection failures with {@code mayHaveExecuted() == false}: yes; the command never reached the node.
 *   <li>Connection failures with {@code mayHaveExecuted() == true} (the outcome is unknown): only if the command may be
 *       replayed: {@link CommandTrait#READ_ONLY} commands, or any non-blocking command when the user opted in to
 *       replaying writes. {@link CommandTrait#BLOCKING} commands never.
 *   <li>Anything else (timeouts, application errors, redirect limits, a closed client): no. A timeout used up the
 *       caller's time budget for that request.
 * </ul>
 */
public final class RetryClassifier {

    private final boolean replayUnknownOutcomeWrites;

    /**
     * Creates a classifier.
     *
     * @param replayUnknownOutcomeWrites whether writes whose outcome is unknown may be sent again
     */
    public RetryClassifier(boolean replayUnknownOutcomeWrites) {
        this.replayUnknownOutcomeWrites = replayUnknownOutcomeWrites;
    }

    /**
     * Tells whether a failed attempt may be repeated.
     *
     * @param command the command
     * @param failure why the attempt failed; a {@link CompletionException} is unwrapped
     * @return true if another attempt may be made
     */
    public boolean isRetryable(Command<?> command, Throwable failure) {
        return isRetryable(failure, mayReplay(command));
    }

    /**
     * Tells whether a failed attempt may be repeated, for a command whose replay decision is known.
     *
     * @param failure why the attempt failed; a {@link CompletionException} is unwrapped
     * @param mayReplay {@link #mayReplay}'s answer for the command
     * @return true if another attempt may be made
     */
    public static boolean isRetryable(Throwable failure, boolean mayReplay) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UncoveredSlotException) {
            return true;
        }
        if (cause instanceof RedisCommandException error) {
            return ServerErrorKind.of(error.getMessage()).isTransient();
        }
        if (cause instanceof RedisConnectionException lost) {
            return !lost.mayHaveExecuted() || mayReplay;
        }
        return false;
    }

    /**
     * Tells whether the command may be sent again although its outcome is unknown.
     *
     * @param command the command
     * @return true for non-blocking read-only commands, and for every non-blocking command when writes may be replayed
     */
    public boolean mayReplay(Command<?> command) {
        if (command.has(CommandTrait.BLOCKING)) {
            return false;
        }
        return command.has(CommandTrait.READ_ONLY) || replayUnknownOutcomeWrites;
    }

    /**
     * Explains a final failure to the caller: a write whose connection was lost after it was sent, and which was not
     * replayed, fails with a {@link RedisConnectionException} saying that it may or may not have been applied.
     * Everything else is returned unwrapped and unchanged.
     *
     * @param command the command
     * @param failure the last attempt's failure
     * @return what the caller receives
     */
    public Throwable explain(Command<?> command, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RedisConnectionException lost && lost.mayHaveExecuted() && !mayReplay(command)) {
            return new RedisConnectionException(
                    "Command " + command.name() + " may or may not have been applied: " + lost.getMessage()
                            + ". It was not sent again because it is not read-only"
                            + (command.has(CommandTrait.BLOCKING)
                                    ? " and blocks"
                                    : " (set replayUnknownOutcomeWrites if your writes are idempotent)"),
                    lost,
                    true);
        }
        return cause;
    }

    /**
     * Removes {@link CompletionException} wrappers.
     *
     * @param failure a failure
     * @return its first cause that is not a {@link CompletionException}
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

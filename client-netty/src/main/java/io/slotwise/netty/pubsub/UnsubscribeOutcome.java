package io.slotwise.netty.pubsub;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;

/**
 * Judges the answer to an unsubscription ({@code UNSUBSCRIBE}, {@code PUNSUBSCRIBE}, {@code SUNSUBSCRIBE}): it fails
 * only on a server error that is not a redirect, or on a failure other than a lost connection (a timeout, say). A lost
 * link is fine, since the node forgets the connection's subscriptions with it; a redirect means the node no longer
 * serves the slot, so it holds no subscription there either.
 *
 * <p>Threading: a pure function; any thread.
 */
final class UnsubscribeOutcome {

    private UnsubscribeOutcome() {}

    /**
     * Judges one answer.
     *
     * @param command the command word, for the error
     * @param reply the reply; null when {@code failure} is set
     * @param failure why no reply came, already unwrapped; null when {@code reply} is set
     * @return null when the unsubscription counts as done
     * @throws RedisCommandException on a server error that is not a redirect
     * @throws Throwable {@code failure} itself unless it is a {@link RedisConnectionException}
     */
    static Void of(String command, RespValue reply, Throwable failure) throws Throwable {
        if (failure instanceof RedisConnectionException) {
            return null;
        }
        if (failure != null) {
            throw failure;
        }
        if (reply.withoutAttributes() instanceof RespValue.Error error
                && Redirect.parse(error.message(), "").isEmpty()) {
            throw new RedisCommandException(command, error.message());
        }
        return null;
    }
}

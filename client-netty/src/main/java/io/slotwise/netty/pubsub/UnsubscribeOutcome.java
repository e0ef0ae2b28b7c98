package io.slotwise.netty.pubsub;

import io.slotwise.RedisCommandException;
import io.slotwise.RedisConnectionException;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.Redirect;

/**
 * Judges the answer to an unsubscription ({@code UNSUBSCRIBE}, {@code PUNSUBSCRIBE}, {@code SUNSUBSCRIBE}): it fails
 * only on a server error that is not a redirect, or on a failure other than a lost connection (a timeout, say). A lost
 * link is fine, since the node forgets the connection's subscriptions with it; a redirect or {@code CLUSTERDOWN Hash
 * slot not served} (Redis's answer once the slot was deleted) means the node no longer serves the slot, so it holds no
 * subscription there either (it sent its own {@code sunsubscribe} when it lost the slot).
 *
 * <p>Threading: a pure function; any thread.
 */
final class UnsubscribeOutcome {

    private static final String SLOT_NOT_SERVED = "CLUSTERDOWN Hash slot not served";

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
                && Redirect.parse(error.message(), "").isEmpty()
                && !error.message().startsWith(SLOT_NOT_SERVED)) {
            throw new RedisCommandException(command, error.message());
        }
        return null;
    }
}

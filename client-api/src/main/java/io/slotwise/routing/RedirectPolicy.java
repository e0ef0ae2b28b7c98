package io.slotwise.routing;

import io.slotwise.RedirectLimitExceededException;
import io.slotwise.topology.NodeAddress;
import java.util.Optional;

/**
 * Decides what a cluster client does when a node answers a command with an error: follow a redirect, retry after a
 * pause, or give the error to the caller. Pure: it neither sends nor waits, and is safe to share between threads.
 *
 * <p>The redirect budget lives here: a command may follow at most {@code maxRedirects} MOVED or ASK redirects, after
 * which it fails with a {@link RedirectLimitExceededException} naming the slot and the nodes visited. Transient errors
 * are only classified; how often and how long to retry them is the retry policy's business.
 */
public final class RedirectPolicy {

    /** The default redirect budget per command. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    private final int maxRedirects;

    /**
     * Creates a policy.
     *
     * @param maxRedirects redirects one command may follow, at least 0
     */
    public RedirectPolicy(int maxRedirects) {
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, got " + maxRedirects);
        }
        this.maxRedirects = maxRedirects;
    }

    /**
     * Decides how to handle an error reply.
     *
     * @param message the error text after {@code -}
     * @param repliedBy the node that sent the error
     * @param trail the nodes the command has visited, {@code repliedBy} last
     * @return the decision
     */
    public Decision decide(String message, NodeAddress repliedBy, RedirectTrail trail) {
        ServerErrorKind kind = ServerErrorKind.of(message);
        if (kind == ServerErrorKind.MOVED || kind == ServerErrorKind.ASK) {
            Optional<Redirect> redirect = Redirect.parse(message, repliedBy.host());
            if (redirect.isEmpty()) {
                return new Decision.ReturnError(kind);
            }
            Redirect r = redirect.get();
            if (trail.redirects() >= maxRedirects) {
                return new Decision.Fail(new RedirectLimitExceededException(
                        r.slot(), trail.then(r.target()).visited(), maxRedirects));
            }
            return new Decision.Follow(r, trail.then(r.target()));
        }
        if (kind.isTransient()) {
            return new Decision.RetryLater(kind);
        }
        return new Decision.ReturnError(kind);
    }

    /** What to do about an error reply. */
    public sealed interface Decision {

        /**
         * Send the command to the redirect's target: for {@link Redirect.Moved} after updating the topology, for
         * {@link Redirect.Ask} preceded by {@code ASKING} and without touching the topology.
         *
         * @param redirect the redirect to follow
         * @param trail the trail including the target
         */
        record Follow(Redirect redirect, RedirectTrail trail) implements Decision {}

        /**
         * The error is transient: the command may be sent again, unchanged, after a pause.
         *
         * @param kind which transient error it was
         */
        record RetryLater(ServerErrorKind kind) implements Decision {}

        /**
         * Complete the command with this failure.
         *
         * @param failure the failure for the caller
         */
        record Fail(RuntimeException failure) implements Decision {}

        /**
         * The error is the command's answer: give it to the caller as it is.
         *
         * @param kind its kind ({@link ServerErrorKind#OTHER} for application errors)
         */
        record ReturnError(ServerErrorKind kind) implements Decision {}
    }
}

package io.slotwise.sim.tracking;

import io.netty.channel.Channel;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.RespVersion;
import io.slotwise.sim.server.ClientRegistry;
import io.slotwise.sim.server.ClientSession;
import java.util.Optional;

/**
 * Writes one invalidation as Redis's {@code sendTrackingMessage} does: to the client itself, or to the client its
 * tracking redirects to; as a RESP3 push {@code ["invalidate", payload]}, or, to a RESP2 client that is redirected to
 * and in the subscribed state (any subscription), as a message on {@code __redis__:invalidate}; nothing to a RESP2
 * client otherwise. When the redirection target has disconnected, the tracking client is flagged and, on RESP3, told
 * with {@code ["tracking-redir-broken", id]}. Used on the node's event loop only.
 */
final class InvalidationSender {
    private static final Reply INVALIDATE = Reply.bulk("invalidate");
    private static final Reply MESSAGE = Reply.bulk("message");
    private static final Reply CHANNEL = Reply.bulk("__redis__:invalidate");
    private static final Reply REDIRECT_BROKEN = Reply.bulk("tracking-redir-broken");

    private final ClientRegistry clients;

    InvalidationSender(ClientRegistry clients) {
        this.clients = clients;
    }

    /**
     * Sends {@code payload} (an array of keys, or a null after a flush) on behalf of a tracking client.
     *
     * @param tracking the tracking client's state
     * @param payload what is invalidated
     */
    void send(SessionTracking tracking, Reply payload) {
        ClientSession target = tracking.session();
        long redirectId = tracking.redirectId();
        if (redirectId != 0) {
            Optional<ClientSession> redirect = clients.find(redirectId);
            if (redirect.isEmpty()) {
                tracking.markRedirectBroken();
                if (target.protocol() == RespVersion.RESP3) {
                    write(target, Reply.push(REDIRECT_BROKEN, Reply.integer(redirectId)));
                }
                return;
            }
            target = redirect.get();
            if (target.protocol() != RespVersion.RESP3) {
                if (target.subscribed()) {
                    write(target, Reply.push(MESSAGE, CHANNEL, payload));
                }
                return;
            }
        }
        if (target.protocol() == RespVersion.RESP3) {
            write(target, Reply.push(INVALIDATE, payload));
        }
    }

    private static void write(ClientSession session, Reply frame) {
        Channel channel = session.channel();
        if (channel.isActive()) {
            channel.writeAndFlush(frame, channel.voidPromise());
        }
    }
}

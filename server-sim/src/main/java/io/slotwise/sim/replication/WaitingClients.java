package io.slotwise.sim.replication;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.server.ClientSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToIntFunction;

/**
 * The clients blocked in WAIT: each waits until enough replicas acknowledged its offset, or until its timeout, and is
 * then answered with the number of replicas that did. Confined to the node's event loop.
 */
final class WaitingClients {
    private final EventLoop loop;
    private final LongToIntFunction acknowledgedReplicas;
    private final List<Waiter> waiters = new ArrayList<>();

    /**
     * @param loop the node's event loop, for timeouts
     * @param acknowledgedReplicas counts the replicas that acknowledged at least an offset
     */
    WaitingClients(EventLoop loop, LongToIntFunction acknowledgedReplicas) {
        this.loop = loop;
        this.acknowledgedReplicas = acknowledgedReplicas;
    }

    /**
     * Blocks a client.
     *
     * @param session the client
     * @param offset the offset the replicas must acknowledge
     * @param replicas how many replicas must
     * @param timeoutMillis how long to wait at most, 0 for ever
     * @return the reply to come
     */
    CompletableFuture<Reply> block(ClientSession session, long offset, long replicas, long timeoutMillis) {
        Waiter waiter = new Waiter(session, offset, replicas);
        waiters.add(waiter);
        if (timeoutMillis > 0) {
            waiter.timeout = loop.schedule(() -> finish(waiter), timeoutMillis, TimeUnit.MILLISECONDS);
        }
        return waiter.reply;
    }

    /** Answers every client whose replicas have acknowledged enough; call after each acknowledgement. */
    void acknowledged() {
        for (Waiter waiter : List.copyOf(waiters)) {
            if (acknowledgedReplicas.applyAsInt(waiter.offset) >= waiter.replicas) {
                finish(waiter);
            }
        }
    }

    /** Forgets clients whose connection closed; they are never answered. */
    void dropDisconnected() {
        waiters.removeIf(waiter -> {
            boolean gone = !waiter.session.channel().isActive();
            if (gone && waiter.timeout != null) {
                waiter.timeout.cancel(false);
            }
            return gone;
        });
    }

    private void finish(Waiter waiter) {
        if (waiters.remove(waiter)) {
            if (waiter.timeout != null) {
                waiter.timeout.cancel(false);
            }
            waiter.reply.complete(Reply.integer(acknowledgedReplicas.applyAsInt(waiter.offset)));
        }
    }

    /** One client in WAIT. */
    private static final class Waiter {
        final ClientSession session;
        final long offset;
        final long replicas;
        final CompletableFuture<Reply> reply = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(ClientSession session, long offset, long replicas) {
            this.session = session;
            this.offset = offset;
            this.replicas = replicas;
        }
    }
}

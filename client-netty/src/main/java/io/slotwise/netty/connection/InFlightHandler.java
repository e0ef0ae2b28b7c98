package io.slotwise.netty.connection;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import io.netty.util.concurrent.Future;
import io.slotwise.RedisException;
import io.slotwise.resp.RawCommand;
import io.slotwise.resp.RespProtocolException;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches replies to commands, first in first out, and does nothing else. Redis answers the commands of one
 * connection in the order it receives them, so each decoded reply completes the oldest command in flight; error
 * replies complete it normally (as {@link RespValue.Error}). A command that already completed (timed out, cancelled)
 * stays in the queue until its reply arrives, which is then discarded, so later replies stay matched.
 *
 * <p>RESP3 push messages are not replies: they go to the {@link PushListener}. A reply with no command in flight, a
 * decoder error ({@link RespProtocolException}) or any other exception means the stream cannot be trusted: every
 * command in flight fails and the channel is closed, never reused. When the channel becomes inactive, every command
 * still in flight fails with a {@link io.slotwise.RedisConnectionException} telling whether it may have executed.
 *
 * <p>On a {@link ConnectionOptions#subscriber()} connection it also understands subscribe mode: RESP2 frames of
 * subscription confirmations and messages are treated as pushes ({@link SubscriptionConfirmations#asPush}), a
 * subscription command completes once its {@link SubscriptionConfirmations} are all in (with the last one), and a
 * reply with nothing in flight is logged and dropped. A command whose confirmations are ambiguous ({@code
 * SUNSUBSCRIBE}, which a node's own {@code sunsubscribe} would seem to confirm, and unsubscriptions of everything)
 * is followed by a {@code PING} fence ({@link SubscriptionConfirmations#awaitsFence()}); everything up to the fence's
 * reply belongs to it, so its late answer can never be taken for the next command's.
 *
 * <p>Outbound, it accepts {@link PendingCommand}s: it queues the command, then writes its arguments on to the encoder.
 * A write that fails before reaching the socket fails the command as not sent.
 *
 * <p>One instance per channel; all methods run on the channel's event loop.
 */
final class InFlightHandler extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(InFlightHandler.class);

    /** Written after a command that {@linkplain SubscriptionConfirmations#awaitsFence() awaits a fence}. */
    private static final RawCommand FENCE = RawCommand.of("PING");

    private final NodeAddress node;
    private final PushListener pushListener;
    private final boolean subscriber;
    private final ArrayDeque<PendingCommand> inFlight = new ArrayDeque<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private ChannelHandlerContext ctx;
    private String closeReason;
    private Throwable failure;

    InFlightHandler(NodeAddress node, PushListener pushListener) {
        this(node, pushListener, false);
    }

    InFlightHandler(NodeAddress node, PushListener pushListener, boolean subscriber) {
        this.node = node;
        this.pushListener = pushListener;
        this.subscriber = subscriber;
    }

    /**
     * Completes, on the event loop, once the channel is closed and torn down: every command in flight has been failed
     * and the codec has released its buffers.
     */
    CompletableFuture<Void> terminated() {
        return terminated;
    }

    /** The error that ended the channel, if one did ({@code null} for a plain close). */
    Throwable failure() {
        return failure;
    }

    /** Closes the channel on purpose; commands in flight fail with {@code reason} ("was closed by the client"). */
    void close(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        ctx.close();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        if (!(msg instanceof PendingCommand command)) {
            context.write(msg, promise);
            return;
        }
        inFlight.addLast(command);
        if (subscriber) {
            command.expectConfirmations(SubscriptionConfirmations.expectedFor(command.args()));
        }
        command.markHandedToChannel();
        ChannelPromise written = promise.unvoid();
        context.write(command.args(), written);
        if (written.isDone()) {
            onWriteDone(command, written, true);
        } else {
            written.addListener(future -> onWriteDone(command, future, false));
        }
        boolean failedAtOnce = written.isDone() && !written.isSuccess();
        if (!failedAtOnce
                && command.confirmations() != null
                && command.confirmations().awaitsFence()) {
            context.write(FENCE).addListener(future -> {
                if (!future.isSuccess()) {
                    // The command is in flight but its fence is not: the stream can no longer be matched.
                    ctx.close();
                }
            });
        }
    }

    private void onWriteDone(PendingCommand command, Future<?> write, boolean synchronous) {
        if (write.isSuccess()) {
            command.markWritten();
            return;
        }
        Throwable cause = write.cause();
        if (synchronous) {
            // Failed inside write(): nothing went out, and the command was the last one queued.
            inFlight.removeLastOccurrence(command);
        }
        if (cause instanceof EncoderException) {
            command.fail(new RedisException(
                    "Command " + command.name() + " could not be encoded: "
                            + cause.getCause().getMessage(),
                    cause));
        } else {
            command.failNotSent(node, "the write failed", cause);
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        RespValue value = (RespValue) msg;
        RespValue plain = value.withoutAttributes();
        if (subscriber && !(plain instanceof RespValue.Push)) {
            RespValue.Push frame = SubscriptionConfirmations.asPush(plain);
            plain = frame != null ? frame : plain;
        }
        if (plain instanceof RespValue.Push push) {
            deliver(push);
            if (subscriber) {
                confirm(push);
            }
            return;
        }
        if (subscriber && answersFencedHead(plain)) {
            return;
        }
        PendingCommand head = inFlight.poll();
        if (head == null && subscriber) {
            log.debug("Dropped a reply from {} that no command waited for on a subscriber connection", node);
            return;
        }
        if (head == null) {
            exceptionCaught(context, new RespProtocolException("Received a reply while no command was in flight"));
            return;
        }
        if (!head.complete(value)) {
            log.debug("Discarded the reply to {} from {}: the command had already completed", head.name(), node);
        }
    }

    /**
     * Takes a reply for the oldest command in flight if it awaits a fence: its own error, or the fence's reply, which
     * completes it with its answer.
     *
     * @return whether the reply was taken
     */
    private boolean answersFencedHead(RespValue reply) {
        PendingCommand head = inFlight.peek();
        if (head == null
                || head.confirmations() == null
                || !head.confirmations().awaitsFence()) {
            return false;
        }
        if (reply instanceof RespValue.Error error && head.confirmations().acceptError(error)) {
            return true;
        }
        RespValue answer = head.confirmations().answer();
        if (answer == null) {
            exceptionCaught(
                    ctx, new RespProtocolException("Received the fence's reply before any answer to " + head.name()));
            return true;
        }
        inFlight.poll();
        if (!head.complete(answer)) {
            log.debug("Discarded the answer to {} from {}: the command had already completed", head.name(), node);
        }
        return true;
    }

    /** Counts a confirmation towards the oldest command in flight, completing it with the last one unless fenced. */
    private void confirm(RespValue.Push push) {
        PendingCommand head = inFlight.peek();
        if (head == null
                || head.confirmations() == null
                || !head.confirmations().accept(push)
                || head.confirmations().awaitsFence()) {
            return;
        }
        if (head.confirmations().isComplete()) {
            inFlight.poll();
            head.complete(push);
        }
    }

    private void deliver(RespValue.Push push) {
        try {
            pushListener.onPush(node, push);
        } catch (RuntimeException e) {
            log.warn("The push listener failed on a '{}' push from {}", push.kind(), node, e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (failure == null) {
            failure = cause;
            log.debug("Closing the connection to {} after an error", node, cause);
        }
        failAll(cause);
        context.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        failAll(failure);
        context.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        failAll(failure);
        terminated.complete(null);
    }

    private void failAll(Throwable cause) {
        if (inFlight.isEmpty()) {
            return;
        }
        String what = describeEnd(cause);
        PendingCommand command;
        while ((command = inFlight.poll()) != null) {
            command.failInFlight(node, what, cause);
        }
    }

    private String describeEnd(Throwable cause) {
        if (closeReason != null) {
            return closeReason;
        }
        if (cause instanceof RespProtocolException) {
            return "was closed after a protocol error (" + cause.getMessage() + ")";
        }
        if (cause != null) {
            return "was lost (" + cause + ")";
        }
        return "was closed by the server";
    }
}

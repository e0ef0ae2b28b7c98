package io.slotwise.sim.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.slotwise.sim.command.CommandDispatcher;
import io.slotwise.sim.protocol.ProtocolError;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.Request;
import io.slotwise.sim.protocol.RequestDecoder;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound handler of a client connection: hands each {@link Request} to the {@link CommandDispatcher} and
 * writes the replies in request order.
 *
 * <p>While a command's reply is pending (an asynchronous handler), later requests of the same connection wait in a
 * backlog and the channel stops reading once one is queued, so a slow command delays only its own connection, replies
 * never overtake each other, and a client that pipelines endlessly cannot grow the backlog beyond one read. Until then
 * the channel keeps reading, so a client that disconnects while blocked (BLPOP) is noticed at once, as Redis notices
 * it. Reading also pauses while the channel is not writable (the client does not read its replies). Replies to
 * synchronous commands are flushed once per read, so a pipeline of many requests is answered with few writes.
 *
 * <p>A {@link ProtocolError} is answered in its turn, after the replies to the requests before it, and then the
 * connection closes. QUIT (any command that asks its session to close after the reply) drops every request behind it.
 *
 * <p>While {@link ClientFaults} pauses input, the channel does not read and requests already read wait in the backlog;
 * {@link ClientFaults#INPUT_RESUMED} starts them again.
 *
 * <p>Threading: one instance per channel, used on its event loop only.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);

    private final ClientSession session;
    private final CommandDispatcher dispatcher;
    private final RequestDecoder decoder;
    private final ClientFaults faults;
    private final ArrayDeque<Object> backlog = new ArrayDeque<>();
    private boolean awaiting;
    private boolean closing;

    SessionHandler(ClientSession session, CommandDispatcher dispatcher, RequestDecoder decoder, ClientFaults faults) {
        this.session = session;
        this.dispatcher = dispatcher;
        this.decoder = decoder;
        this.faults = faults;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            return;
        }
        if (awaiting || !backlog.isEmpty() || faults.paused()) {
            backlog.add(msg);
            updateAutoRead(ctx);
            return;
        }
        handle(ctx, msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event != ClientFaults.INPUT_RESUMED) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        if (!awaiting && !closing) {
            drainBacklog(ctx);
            ctx.flush();
        }
        updateAutoRead(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        backlog.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Closing client {} after an I/O error", session, cause);
        ctx.close();
    }

    private void handle(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ProtocolError error) {
            closeAfter(ctx, error.reply());
            return;
        }
        CompletionStage<Reply> stage = dispatcher.dispatch((Request) msg, session);
        if (stage instanceof CompletableFuture<Reply> future && future.isDone()) {
            write(ctx, future.join());
            return;
        }
        awaiting = true;
        session.setAwaitingReply(true);
        updateAutoRead(ctx);
        stage.whenComplete((reply, error) -> {
            if (ctx.executor().inEventLoop()) {
                resume(ctx, reply);
            } else {
                ctx.executor().execute(() -> resume(ctx, reply));
            }
        });
    }

    private void resume(ChannelHandlerContext ctx, Reply reply) {
        awaiting = false;
        session.setAwaitingReply(false);
        if (closing) {
            return;
        }
        write(ctx, reply);
        drainBacklog(ctx);
        ctx.flush();
        updateAutoRead(ctx);
    }

    private void drainBacklog(ChannelHandlerContext ctx) {
        while (!awaiting && !closing && !faults.paused() && !backlog.isEmpty()) {
            handle(ctx, backlog.poll());
        }
    }

    private void write(ChannelHandlerContext ctx, Reply reply) {
        if (session.closingAfterReply()) {
            closeAfter(ctx, reply);
        } else {
            if (reply != null) {
                ctx.write(reply, ctx.voidPromise());
            }
            session.replyWritten();
        }
    }

    private void closeAfter(ChannelHandlerContext ctx, Reply reply) {
        closing = true;
        backlog.clear();
        decoder.discardRemainingInput();
        if (reply == null) {
            ctx.flush();
            ctx.close();
        } else {
            ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void updateAutoRead(ChannelHandlerContext ctx) {
        boolean read = !closing && backlog.isEmpty() && ctx.channel().isWritable() && !faults.paused();
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }
}

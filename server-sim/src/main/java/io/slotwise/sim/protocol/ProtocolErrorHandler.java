package io.slotwise.sim.protocol;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Answers a {@link ProtocolError} the way Redis does: writes its error reply, flushes, and closes the connection once
 * the write completes; every other message passes through untouched. Place it between {@link RequestDecoder} and the
 * command handler, with {@link ReplyEncoder} nearer the head of the pipeline than all three.
 * Replies to the requests decoded before the error come first only if the handler answering them writes synchronously
 * while handling them (they reach it before the error does); a dispatcher that answers asynchronously must consume the
 * {@code ProtocolError} itself, after its pending replies, instead of using this handler. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class ProtocolErrorHandler extends ChannelInboundHandlerAdapter {

    /** Creates the handler. */
    public ProtocolErrorHandler() {}

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ProtocolError error) {
            ctx.writeAndFlush(error.reply()).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}

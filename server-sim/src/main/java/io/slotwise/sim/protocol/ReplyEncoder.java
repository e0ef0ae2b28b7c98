package io.slotwise.sim.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * The outbound end of the simulator's pipeline: encodes each {@link Reply} written to the channel in the protocol the
 * channel currently speaks ({@link RespVersion#of}), as {@link ReplyWriter} describes. Stateless, so one instance may
 * be shared by every channel; it runs on each channel's event loop.
 */
@ChannelHandler.Sharable
public final class ReplyEncoder extends MessageToByteEncoder<Reply> {

    /** Creates the encoder. */
    public ReplyEncoder() {
        super(Reply.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Reply reply, ByteBuf out) {
        ReplyWriter.write(reply, RespVersion.of(ctx.channel()), out);
    }
}

package io.slotwise.sim.bus;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link BusMessage}s as bus frames. Stateless and sharable. */
@ChannelHandler.Sharable
final class BusFrameEncoder extends MessageToByteEncoder<BusMessage> {

    /** The shared instance. */
    static final BusFrameEncoder INSTANCE = new BusFrameEncoder();

    private BusFrameEncoder() {
        super(BusMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, BusMessage message, ByteBuf out) {
        BusCodec.encode(message, out);
    }
}

package io.slotwise.sim.bus;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns the byte stream of one bus link into {@link BusMessage}s. The prefix is validated as soon as it has arrived, so
 * a wrong magic, version, type or oversized length is rejected before any body is buffered. After the first error the
 * decoder discards everything it receives (a desynchronised stream is never parsed again) and the error travels down
 * the pipeline as a {@link BusProtocolException}, where the link handler closes the link. Not sharable: one instance
 * per channel.
 */
final class BusFrameDecoder extends ByteToMessageDecoder {

    private boolean corrupted;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (corrupted) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < BusCodec.PREFIX_LENGTH) {
            return;
        }
        try {
            BusCodec.Prefix prefix = BusCodec.readPrefix(in);
            if (in.readableBytes() < BusCodec.PREFIX_LENGTH + prefix.bodyLength()) {
                return;
            }
            in.skipBytes(BusCodec.PREFIX_LENGTH);
            ByteBuf body = in.readSlice(prefix.bodyLength());
            out.add(BusCodec.decodeBody(prefix.type(), body));
        } catch (BusProtocolException e) {
            corrupted = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }
}

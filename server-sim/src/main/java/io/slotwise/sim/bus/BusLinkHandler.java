package io.slotwise.sim.bus;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a bus link's pipeline: hands decoded messages to the {@link LinkManager}, reports the link's end,
 * and drops the link on any error (a malformed frame, a reset connection). Not sharable: one per link.
 */
final class BusLinkHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(BusLinkHandler.class);

    private final BusLink link;
    private final LinkManager links;

    BusLinkHandler(BusLink link, LinkManager links) {
        this.link = link;
        this.links = links;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BusMessage message) {
            links.received(link, message);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        links.closed(link);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof BusProtocolException) {
            LOG.warn("Dropping {}: {}", link, cause.getMessage());
        } else {
            LOG.debug("Dropping {} after an I/O error", link, cause);
        }
        ctx.close();
    }
}

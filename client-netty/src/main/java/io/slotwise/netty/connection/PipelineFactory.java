package io.slotwise.netty.connection;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.slotwise.netty.resp.RespDecoder;
import io.slotwise.netty.resp.RespEncoder;
import io.slotwise.topology.NodeAddress;

/**
 * The one place where the handlers of a connection's pipeline and their order are declared, from the socket inwards:
 *
 * <ol>
 *   <li>{@value #TLS}: netty's {@code SslHandler}, only when {@link ConnectionOptions#sslContext()} is set; first, so
 *       that everything else sees plain bytes;
 *   <li>{@value #ENCODER}: {@link RespEncoder}, commands to bytes (outbound);
 *   <li>{@value #DECODER}: {@link RespDecoder}, bytes to replies (inbound), closing the channel on malformed input;
 *   <li>{@value #IN_FLIGHT}: {@link InFlightHandler}, replies to commands.
 * </ol>
 *
 * Buffers never get past the codec: the in-flight handler sees only commands and {@code RespValue}s.
 */
final class PipelineFactory {

    /** Name of the TLS handler. */
    static final String TLS = "tls";

    /** Name of the command encoder. */
    static final String ENCODER = "resp-encoder";

    /** Name of the reply decoder. */
    static final String DECODER = "resp-decoder";

    /** Name of the in-flight handler. */
    static final String IN_FLIGHT = "in-flight";

    private static final RespEncoder SHARED_ENCODER = new RespEncoder();

    private PipelineFactory() {}

    /**
     * Adds the handlers to a new channel's pipeline.
     *
     * @return the channel's in-flight handler
     */
    static InFlightHandler initialize(Channel channel, NodeAddress node, ConnectionOptions options) {
        ChannelPipeline pipeline = channel.pipeline();
        options.sslContext()
                .ifPresent(ssl -> pipeline.addLast(TLS, ssl.newHandler(channel.alloc(), node.host(), node.port())));
        pipeline.addLast(ENCODER, SHARED_ENCODER);
        pipeline.addLast(DECODER, new RespDecoder(options.respLimits()));
        InFlightHandler inFlight = new InFlightHandler(node, options.pushListener(), options.subscriber());
        pipeline.addLast(IN_FLIGHT, inFlight);
        return inFlight;
    }
}

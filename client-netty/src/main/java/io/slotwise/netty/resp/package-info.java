/**
 * The netty codec for RESP, the Redis wire protocol: {@link io.slotwise.netty.resp.RespEncoder} writes commands as
 * arrays of bulk strings, and {@link io.slotwise.netty.resp.RespDecoder} turns server bytes into immutable
 * {@link io.slotwise.resp.RespValue}s, RESP2 and RESP3, incrementally, within {@link io.slotwise.resp.RespLimits}, and
 * strictly: malformed input closes the channel with a {@link io.slotwise.resp.RespProtocolException}. Buffer ownership
 * ends here: the encoder's output belongs to netty, and the decoder copies what it keeps and releases every input
 * buffer, so no reference-counted object reaches the rest of the client.
 */
package io.slotwise.netty.resp;

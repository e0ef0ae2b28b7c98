/**
 * The simulator's server side of the Redis serialization protocol: {@link io.slotwise.sim.protocol.RequestDecoder}
 * turns the bytes a client sends (RESP multibulk arrays and inline commands) into {@link
 * io.slotwise.sim.protocol.Request}s, or into one {@link io.slotwise.sim.protocol.ProtocolError} carrying Redis 7.0's
 * exact error text, after which the stream is abandoned; {@link io.slotwise.sim.protocol.Reply} is the sealed model of
 * everything a command can answer, and {@link io.slotwise.sim.protocol.ReplyEncoder} writes it in RESP2 or RESP3 as
 * chosen per connection by {@link io.slotwise.sim.protocol.RespVersion}, downgrading RESP3 types exactly as Redis does.
 * This implementation shares no code with the client modules or netty's codec-redis, so that a symmetric codec bug
 * cannot hide. All handlers run on the channel's event loop; the value types are immutable and thread-safe.
 */
package io.slotwise.sim.protocol;

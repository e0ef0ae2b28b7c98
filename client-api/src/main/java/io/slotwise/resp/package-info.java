/**
 * The RESP protocol as the client sees it, free of any transport types: {@link io.slotwise.resp.RespValue}, the sealed
 * model of every RESP2 and RESP3 reply; {@link io.slotwise.resp.RespCommandArgs}, what an encoder needs from a command;
 * {@link io.slotwise.resp.RespLimits}, the bounds a decoder enforces; and
 * {@link io.slotwise.resp.RespProtocolException}, raised when a server's bytes are not valid RESP. The netty codec that
 * produces and consumes these types lives in {@code io.slotwise.netty.resp}.
 */
package io.slotwise.resp;

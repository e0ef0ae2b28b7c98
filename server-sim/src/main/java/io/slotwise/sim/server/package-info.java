/**
 * The network side of a simulator node: {@link io.slotwise.sim.server.NodeServer} binds the listener on the node's
 * event loop, each accepted connection gets the pipeline {@code ReplyEncoder}, {@code RequestDecoder}, session handler,
 * and a {@link io.slotwise.sim.server.ClientSession} holding what Redis keeps per client (id, name, protocol,
 * authentication, ASKING/READONLY, MULTI and WATCH state), registered in the node's {@link
 * io.slotwise.sim.server.ClientRegistry}. The session handler keeps replies in request order, also around commands
 * that complete later, and closes the connection after a protocol error or QUIT. Everything here runs on the node's
 * single event loop and is not thread-safe.
 */
package io.slotwise.sim.server;

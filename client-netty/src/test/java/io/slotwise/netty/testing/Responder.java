package io.slotwise.netty.testing;

/**
 * Scripts how a {@link FakeRedisServer} answers: called once per request, on the server connection's event loop. It may
 * answer now, later, never, or close the connection, through the {@link Exchange}.
 */
@FunctionalInterface
public interface Responder {

    /**
     * Handles one request.
     *
     * @param exchange the request and the ways to answer it
     */
    void respond(Exchange exchange);

    /**
     * Answers like a small Redis 7 speaking RESP3 after {@code HELLO 3}: HELLO, AUTH, CLIENT, READONLY, ASKING, PING,
     * ECHO, SET, GET, DEL; anything else gets {@code -ERR unknown command}. Keys are shared by all connections of the
     * server and by every use of the returned responder.
     *
     * @return a new responder with an empty keyspace
     */
    static Responder standard() {
        return new StandardResponder();
    }

    /**
     * Answers {@code name} with {@code special}, and everything else like {@code fallback}.
     *
     * @param name the upper-case command name
     * @param special the responder for that command
     * @param fallback the responder for every other command
     * @return the combined responder
     */
    static Responder on(String name, Responder special, Responder fallback) {
        return exchange -> (exchange.name().equals(name) ? special : fallback).respond(exchange);
    }
}

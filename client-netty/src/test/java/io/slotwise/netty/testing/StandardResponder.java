package io.slotwise.netty.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The responder behind {@link Responder#standard()}. */
final class StandardResponder implements Responder {

    private final Map<String, String> keys = new ConcurrentHashMap<>();

    @Override
    public void respond(Exchange exchange) {
        List<String> args = exchange.args();
        switch (exchange.name()) {
            case "HELLO" -> exchange.reply("%3\r\n+server\r\n+fake\r\n+proto\r\n:3\r\n+mode\r\n+cluster\r\n");
            case "AUTH", "CLIENT", "READONLY", "ASKING" -> exchange.reply("+OK\r\n");
            case "PING" -> exchange.reply("+PONG\r\n");
            case "ECHO" -> exchange.reply(Exchange.bulk(args.get(1)));
            case "SET" -> {
                keys.put(args.get(1), args.get(2));
                exchange.reply("+OK\r\n");
            }
            case "GET" -> {
                String value = keys.get(args.get(1));
                exchange.reply(value == null ? "_\r\n" : Exchange.bulk(value));
            }
            case "DEL" -> exchange.reply(":" + (keys.remove(args.get(1)) == null ? 0 : 1) + "\r\n");
            default -> exchange.reply("-ERR unknown command '" + exchange.name() + "'\r\n");
        }
    }
}

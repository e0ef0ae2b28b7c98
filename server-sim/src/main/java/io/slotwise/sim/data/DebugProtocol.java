package io.slotwise.sim.data;

import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.RespVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * DEBUG PROTOCOL type: Redis 7.0's sample reply of each RESP3 type, downgraded on RESP2 connections by the reply
 * encoder as Redis downgrades it. {@code push} is refused on RESP2 as in Redis; on RESP3 Redis sends a push followed by
 * a normal reply, which one command reply cannot express here, so the simulator answers an error. Stateless.
 */
final class DebugProtocol {
    private static final String TYPES =
            "string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false";

    private DebugProtocol() {}

    /**
     * Returns the sample reply.
     *
     * @param type the type name, any case
     * @param protocol the connection's protocol
     * @throws CommandException for an unknown type name, and for {@code push}
     */
    static Reply sample(String type, RespVersion protocol) {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "string":
                return Reply.bulk("Hello World");
            case "integer":
                return Reply.integer(12345);
            case "double":
                return Reply.doubleValue(3.141);
            case "bignum":
                return new Reply.BigNumber("1234567999999999999999999999999999999");
            case "null":
                return Reply.nullBulk();
            case "array":
                return Reply.array(Reply.integer(0), Reply.integer(1), Reply.integer(2));
            case "set":
                return Reply.set(Reply.integer(0), Reply.integer(1), Reply.integer(2));
            case "map":
                return Reply.map(
                        Reply.entry(Reply.integer(0), Reply.bool(false)),
                        Reply.entry(Reply.integer(1), Reply.bool(true)),
                        Reply.entry(Reply.integer(2), Reply.bool(false)));
            case "attrib":
                return new Reply.Attribute(
                        List.of(Reply.entry(
                                Reply.bulk("key-popularity"), Reply.array(Reply.bulk("key:123"), Reply.integer(90)))),
                        Reply.bulk("Some real reply following the attribute"));
            case "push":
                throw new CommandException(
                        protocol == RespVersion.RESP2
                                ? "ERR RESP2 is not supported by this command"
                                : "ERR DEBUG PROTOCOL push is not supported by the Slotwise simulator");
            case "verbatim":
                return new Reply.Verbatim("txt", "This is a verbatim\nstring".getBytes(StandardCharsets.UTF_8));
            case "true":
                return Reply.bool(true);
            case "false":
                return Reply.bool(false);
            default:
                throw new CommandException("ERR Wrong protocol type name. Please use one of the following: " + TYPES);
        }
    }
}

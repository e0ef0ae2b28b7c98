package io.slotwise.sim.command;

import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.RespVersion;
import io.slotwise.sim.server.ClientSession;

/**
 * HELLO [protover [AUTH username password] [SETNAME clientname]], as Redis 7.0's {@code helloCommand}: validates the
 * protocol version and options, authenticates when AUTH is given, refuses an unauthenticated client, sets the name,
 * switches the protocol (so the reply itself is written in the new one), and answers the server map. Stateless.
 */
final class HelloCommand {
    private HelloCommand() {}

    /**
     * Answers HELLO.
     *
     * @param ctx the invocation
     * @return the server map
     */
    static Reply handle(CommandContext ctx) {
        ClientSession session = ctx.session();
        RespVersion version = null;
        int next = 1;
        if (ctx.argc() >= 2) {
            long requested = RedisNumbers.parseLong(ctx.arg(next++))
                    .orElseThrow(() -> new CommandException("ERR Protocol version is not an integer or out of range"));
            if (requested != 2 && requested != 3) {
                throw new CommandException("NOPROTO unsupported protocol version");
            }
            version = requested == 3 ? RespVersion.RESP3 : RespVersion.RESP2;
        }
        byte[] user = null;
        byte[] password = null;
        String name = null;
        for (int i = next; i < ctx.argc(); i++) {
            int more = ctx.argc() - 1 - i;
            if (ctx.argIs(i, "AUTH") && more >= 2) {
                user = ctx.arg(i + 1);
                password = ctx.arg(i + 2);
                i += 2;
            } else if (ctx.argIs(i, "SETNAME") && more >= 1) {
                name = ctx.argString(i + 1);
                i++;
            } else {
                throw CommandException.echoing("ERR Syntax error in HELLO option '" + ctx.argLatin1(i) + "'");
            }
        }
        if (user != null) {
            ConnectionCommands.authenticate(ctx, user, password);
        }
        if (!session.authenticated()) {
            throw new CommandException("NOAUTH HELLO must be called with the client already authenticated,"
                    + " otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the"
                    + " client and select the RESP protocol version at the same time");
        }
        if (name != null) {
            session.setName(ClientCommands.validName(name));
        }
        if (version != null) {
            session.switchProtocol(version);
        }
        return Reply.map(
                Reply.entry(Reply.bulk("server"), Reply.bulk("redis")),
                Reply.entry(Reply.bulk("version"), Reply.bulk(ServerCommands.REDIS_VERSION)),
                Reply.entry(
                        Reply.bulk("proto"), Reply.integer(session.protocol().number())),
                Reply.entry(Reply.bulk("id"), Reply.integer(session.id())),
                Reply.entry(
                        Reply.bulk("mode"),
                        Reply.bulk(ctx.node().config().clusterEnabled() ? "cluster" : "standalone")),
                Reply.entry(
                        Reply.bulk("role"),
                        Reply.bulk(ReplicationStatus.of(ctx.node()).helloRole())),
                Reply.entry(Reply.bulk("modules"), Reply.array()));
    }
}

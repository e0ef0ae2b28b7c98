package io.slotwise.sim.data.stream;

import io.slotwise.sim.command.CommandRegistry;
import io.slotwise.sim.data.BlockedClients;

/**
 * Registers the stream commands of Redis 7.0 on a node: XADD, XLEN, XRANGE, XREVRANGE, XDEL, XTRIM, XREAD,
 * XREADGROUP, XGROUP (CREATE, SETID, DESTROY, CREATECONSUMER, DELCONSUMER, HELP), XSETID, XACK, XPENDING, XCLAIM,
 * XAUTOCLAIM and XINFO (STREAM, GROUPS, CONSUMERS, HELP). Handlers run on the node's event loop.
 */
public final class StreamCommands {
    private StreamCommands() {}

    /**
     * Registers the commands.
     *
     * @param registry the node's command registry
     * @param blocked the node's blocked clients, which XREAD and XREADGROUP with BLOCK wait in
     */
    public static void register(CommandRegistry registry, BlockedClients blocked) {
        StreamRegistrar registrar = new StreamRegistrar(registry, blocked);
        StreamRangeCommands.register(registrar);
        StreamReadCommands.register(registrar);
        GroupCommands.register(registrar);
        PendingCommands.register(registrar);
        ClaimCommands.register(registrar);
        InfoCommands.register(registrar);
    }
}

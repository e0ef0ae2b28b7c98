package io.slotwise.sim.data.stream;

import io.slotwise.sim.data.CollectionRegistrar;

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
     * @param registrar registers them with WRONGTYPE handling and blocked clients served around each command; its
     *     blocked clients are where XREAD and XREADGROUP with BLOCK wait
     */
    public static void register(CollectionRegistrar registrar) {
        StreamRangeCommands.register(registrar);
        StreamReadCommands.register(registrar);
        GroupCommands.register(registrar);
        PendingCommands.register(registrar);
        ClaimCommands.register(registrar);
        InfoCommands.register(registrar);
    }
}

package io.slotwise.sim.replication;

import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.protocol.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a master propagates a write that succeeded and changed something, as Redis does: deterministic commands as they
 * were sent; commands whose effect depends on the clock or on chance as a command with that effect made explicit
 * (SET EX as SET PXAT, EXPIRE as PEXPIREAT, INCRBYFLOAT as SET KEEPTTL, SPOP as SREM, a blocking pop served at once as
 * the plain pop, ZMPOP as ZPOPMIN/ZPOPMAX with a count, XADD with the ID it generated). Stream writes that depend only on the stream (XACK, XDEL,
 * XTRIM, XSETID, most of XGROUP) go as sent, since a replica's stream, node layout included, equals its master's; XADD
 * (generated IDs), XREADGROUP, XCLAIM, XAUTOCLAIM and XGROUP CREATECONSUMER (clock-stamped deliveries and consumers) do
 * not (XADD is rewritten). For any other command this class has no answer, and the propagator sends the resulting state of
 * every key the command changed instead, which is exact for every command, only larger. Stateless.
 */
final class PropagationRules {
    /** Commands whose effect depends only on the data and their arguments. */
    private static final Set<String> AS_SENT = Set.of(
            "append",
            "bitfield",
            "bitop",
            "copy",
            "decr",
            "decrby",
            "del",
            "flushall",
            "flushdb",
            "geoadd",
            "getdel",
            "getset",
            "hdel",
            "hincrby",
            "hmset",
            "hset",
            "hsetnx",
            "incr",
            "incrby",
            "linsert",
            "lmove",
            "lpop",
            "lpush",
            "lpushx",
            "lrem",
            "lset",
            "ltrim",
            "move",
            "mset",
            "msetnx",
            "persist",
            "pfadd",
            "pfmerge",
            "rename",
            "renamenx",
            "rpop",
            "rpoplpush",
            "rpush",
            "rpushx",
            "sadd",
            "sdiffstore",
            "setbit",
            "setnx",
            "setrange",
            "sinterstore",
            "smove",
            "sort",
            "srem",
            "sunionstore",
            "swapdb",
            "unlink",
            "xack",
            "xdel",
            "xgroup|create",
            "xgroup|delconsumer",
            "xgroup|destroy",
            "xgroup|setid",
            "xsetid",
            "xtrim",
            "zadd",
            "zdiffstore",
            "zincrby",
            "zinterstore",
            "zpopmax",
            "zpopmin",
            "zrangestore",
            "zrem",
            "zremrangebylex",
            "zremrangebyrank",
            "zremrangebyscore",
            "zunionstore");

    private static final byte[] EQUALS = {'='};
    private static final byte[] TILDE = {'~'};

    /** Commands propagated even if they changed nothing visible (an empty keyspace flushed). */
    private static final Set<String> ALWAYS = Set.of("flushall", "flushdb");

    private static final Map<String, Rule> REWRITTEN = Map.ofEntries(
            Map.entry("set", (request, reply, keys) -> setWithExpiry(request, 2, keys)),
            Map.entry("setex", (request, reply, keys) -> setWithExpiry(request, 3, keys)),
            Map.entry("psetex", (request, reply, keys) -> setWithExpiry(request, 3, keys)),
            Map.entry("getex", PropagationRules::expiry),
            Map.entry("expire", PropagationRules::expiry),
            Map.entry("pexpire", PropagationRules::expiry),
            Map.entry("expireat", PropagationRules::expiry),
            Map.entry("pexpireat", PropagationRules::expiry),
            Map.entry(
                    "incrbyfloat",
                    (request, reply, keys) -> reply instanceof Reply.Bulk bulk
                            ? one(RespCommands.command("SET", request.arg(1), bulk.bytes(), "KEEPTTL"))
                            : null),
            Map.entry(
                    "hincrbyfloat",
                    (request, reply, keys) -> reply instanceof Reply.Bulk bulk
                            ? one(RespCommands.command("HSET", request.arg(1), request.arg(2), bulk.bytes()))
                            : null),
            Map.entry("spop", PropagationRules::spop),
            Map.entry("xadd", PropagationRules::xadd),
            Map.entry("blpop", (request, reply, keys) -> poppedFrom(reply, "LPOP")),
            Map.entry("brpop", (request, reply, keys) -> poppedFrom(reply, "RPOP")),
            Map.entry("bzpopmin", (request, reply, keys) -> sortedSetPoppedFrom(reply, "ZPOPMIN")),
            Map.entry("bzpopmax", (request, reply, keys) -> sortedSetPoppedFrom(reply, "ZPOPMAX")),
            Map.entry("zmpop", (request, reply, keys) -> sortedSetMultiPop(request, reply, 1)),
            Map.entry("bzmpop", (request, reply, keys) -> sortedSetMultiPop(request, reply, 2)),
            Map.entry(
                    "brpoplpush",
                    (request, reply, keys) -> reply instanceof Reply.Bulk
                            ? one(RespCommands.command("RPOPLPUSH", request.arg(1), request.arg(2)))
                            : null),
            Map.entry("lmpop", (request, reply, keys) -> multiPopped(request, reply, 1)),
            Map.entry("blmpop", (request, reply, keys) -> multiPopped(request, reply, 2)),
            Map.entry(
                    "blmove",
                    (request, reply, keys) -> reply instanceof Reply.Bulk
                            ? one(RespCommands.command(
                                    "LMOVE", request.arg(1), request.arg(2), request.arg(3), request.arg(4)))
                            : null));

    private PropagationRules() {}

    /** Turns one executed command into the commands that propagate it. */
    @FunctionalInterface
    private interface Rule {
        List<List<byte[]>> apply(Request request, Reply reply, KeyStates keys);
    }

    /**
     * Returns how a successful command is propagated.
     *
     * @param name the command's full name, lower case
     * @param request the command as sent
     * @param reply its reply (not an error)
     * @param changed whether it changed anything
     * @param keys reads keys as the command left them
     * @return the commands to propagate (none if it changed nothing), or null if the command's changed keys must be
     *     propagated by their state
     */
    static List<List<byte[]>> propagate(String name, Request request, Reply reply, boolean changed, KeyStates keys) {
        if (!changed && !ALWAYS.contains(name)) {
            return List.of();
        }
        if (AS_SENT.contains(name)) {
            return one(request.args());
        }
        Rule rule = REWRITTEN.get(name);
        return rule == null ? null : rule.apply(request, reply, keys);
    }

    private static List<List<byte[]>> setWithExpiry(Request request, int valueIndex, KeyStates keys) {
        byte[] key = request.arg(1);
        long expireAt = keys.expireTimeMillis(Key.of(key));
        if (expireAt == -2) {
            return one(RespCommands.command("DEL", key));
        }
        return one(
                expireAt == -1
                        ? RespCommands.command("SET", key, request.arg(valueIndex))
                        : RespCommands.command("SET", key, request.arg(valueIndex), "PXAT", expireAt));
    }

    private static List<List<byte[]>> expiry(Request request, Reply reply, KeyStates keys) {
        byte[] key = request.arg(1);
        long expireAt = keys.expireTimeMillis(Key.of(key));
        if (expireAt == -2) {
            return one(RespCommands.command("DEL", key));
        }
        return one(
                expireAt == -1
                        ? RespCommands.command("PERSIST", key)
                        : RespCommands.command("PEXPIREAT", key, expireAt));
    }

    /**
     * XADD with the ID the master chose in place of {@code *} or {@code <ms>-*}, as Redis propagates it; the trimming
     * arguments go as sent, since the replica's stream (node layout included) equals the master's.
     */
    private static List<List<byte[]>> xadd(Request request, Reply reply, KeyStates keys) {
        if (!(reply instanceof Reply.Bulk id)) {
            return null;
        }
        List<byte[]> args = request.args();
        int index = 2;
        while (index < args.size()) {
            String word = new String(args.get(index), StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            if (word.equals("nomkstream")) {
                index++;
            } else if (word.equals("maxlen") || word.equals("minid")) {
                index++;
                if (index < args.size()
                        && (Arrays.equals(args.get(index), EQUALS) || Arrays.equals(args.get(index), TILDE))) {
                    index++;
                }
                index++;
                if (index < args.size()
                        && new String(args.get(index), StandardCharsets.US_ASCII).equalsIgnoreCase("limit")) {
                    index += 2;
                }
            } else {
                break;
            }
        }
        if (index >= args.size()) {
            return null;
        }
        List<byte[]> rewritten = new ArrayList<>(args);
        rewritten.set(index, id.bytes());
        return one(rewritten);
    }

    private static List<List<byte[]>> spop(Request request, Reply reply, KeyStates keys) {
        List<Object> srem = new ArrayList<>(List.of("SREM", request.arg(1)));
        if (reply instanceof Reply.Bulk bulk) {
            srem.add(bulk.bytes());
        } else if (reply instanceof Reply.Array array) {
            for (Reply member : array.elements()) {
                if (!(member instanceof Reply.Bulk bulk)) {
                    return null;
                }
                srem.add(bulk.bytes());
            }
        } else {
            return null;
        }
        return srem.size() == 2 ? List.of() : one(RespCommands.command(srem.toArray()));
    }

    private static List<List<byte[]>> poppedFrom(Reply reply, String pop) {
        if (reply instanceof Reply.Array array
                && array.elements().size() == 2
                && array.elements().get(0) instanceof Reply.Bulk key) {
            return one(RespCommands.command(pop, key.bytes()));
        }
        return null;
    }

    /** LMPOP and BLMPOP as Redis propagates them: {@code LPOP|RPOP key count} with the number of elements popped. */
    private static List<List<byte[]>> multiPopped(Request request, Reply reply, int numKeysIndex) {
        if (!(reply instanceof Reply.Array array)
                || array.elements().size() != 2
                || !(array.elements().get(0) instanceof Reply.Bulk key)
                || !(array.elements().get(1) instanceof Reply.Array popped)) {
            return null;
        }
        long numKeys = Long.parseLong(new String(request.arg(numKeysIndex), StandardCharsets.US_ASCII));
        String side = new String(request.arg(numKeysIndex + (int) numKeys + 1), StandardCharsets.US_ASCII);
        String pop = side.equalsIgnoreCase("left") ? "LPOP" : "RPOP";
        return one(RespCommands.command(pop, key.bytes(), popped.elements().size()));
    }

    /** BZPOPMIN/BZPOPMAX served at once ({@code [key, member, score]}) as the plain pop of one member, as Redis does. */
    private static List<List<byte[]>> sortedSetPoppedFrom(Reply reply, String pop) {
        if (reply instanceof Reply.Array array
                && array.elements().size() == 3
                && array.elements().get(0) instanceof Reply.Bulk key) {
            return one(RespCommands.command(pop, key.bytes()));
        }
        return null;
    }

    /**
     * ZMPOP, or BZMPOP served at once ({@code [key, [[member, score], ...]]}), as ZPOPMIN or ZPOPMAX of the key with
     * the number of members popped, as Redis does; MIN or MAX follows the keys counted by numkeys.
     */
    private static List<List<byte[]>> sortedSetMultiPop(Request request, Reply reply, int numkeysIndex) {
        if (!(reply instanceof Reply.Array array
                && array.elements().size() == 2
                && array.elements().get(0) instanceof Reply.Bulk key
                && array.elements().get(1) instanceof Reply.Array popped)) {
            return null;
        }
        int numkeys = Integer.parseInt(new String(request.arg(numkeysIndex), StandardCharsets.US_ASCII));
        boolean min =
                new String(request.arg(numkeysIndex + numkeys + 1), StandardCharsets.US_ASCII).equalsIgnoreCase("min");
        return one(RespCommands.command(
                min ? "ZPOPMIN" : "ZPOPMAX",
                key.bytes(),
                String.valueOf(popped.elements().size())));
    }

    private static List<List<byte[]>> one(List<byte[]> command) {
        return List.of(command);
    }
}

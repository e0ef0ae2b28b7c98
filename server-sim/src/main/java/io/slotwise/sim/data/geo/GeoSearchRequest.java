package io.slotwise.sim.data.geo;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.SortedSetValue;

/**
 * One parsed geo search, read from the arguments in Redis 7.0's order so that the first problem found gives Redis's
 * error: fixed arguments, then options left to right (numbers and members checked as they come), then the checks
 * between options.
 *
 * @param shape the area around its centre; null when the source key is missing (nothing is searched then)
 * @param store where to store the results, or null to reply with them
 * @param storeDistances whether stored scores are distances (STOREDIST) rather than geohashes
 * @param withDistance WITHDIST
 * @param withHash WITHHASH
 * @param withCoordinates WITHCOORD
 * @param any ANY: stop at the first {@code count} matches instead of finding the closest
 * @param count the most results, 0 for all
 * @param order -1 descending, 0 unsorted, 1 ascending
 */
record GeoSearchRequest(
        GeoShape shape,
        Key store,
        boolean storeDistances,
        boolean withDistance,
        boolean withHash,
        boolean withCoordinates,
        boolean any,
        long count,
        int order) {

    private static final String BAD_MEMBER = "ERR could not decode requested zset member";

    /**
     * Parses a request.
     *
     * @param zset the source sorted set, or null if the key is missing
     * @throws CommandException with Redis's error for the first problem
     */
    static GeoSearchRequest parse(
            CommandContext ctx, GeoSearchVariant variant, SortedSetValue zset, GeoArguments arguments) {
        double[] centre = null;
        GeoShape size = null;
        Key store = null;
        if (variant == GeoSearchVariant.GEORADIUS || variant == GeoSearchVariant.GEORADIUS_RO) {
            centre = arguments.position(ctx, 2);
            size = arguments.circle(ctx, 4, centre);
        } else if (variant.centredOnMember() && zset != null) {
            centre = memberPosition(ctx, zset, 2);
            size = arguments.circle(ctx, 3, centre);
        } else if (variant == GeoSearchVariant.GEOSEARCHSTORE) {
            store = Key.of(ctx.arg(1));
        }
        boolean storeDistances = false;
        boolean withDistance = false;
        boolean withHash = false;
        boolean withCoordinates = false;
        boolean any = false;
        boolean fromMember = false;
        boolean fromPosition = false;
        boolean byRadius = false;
        boolean byBox = false;
        long count = 0;
        int order = 0;
        int base = variant.firstOption();
        int remaining = ctx.argc() - base;
        for (int i = 0; i < remaining; i++) {
            int at = base + i;
            if (ctx.argIs(at, "withdist")) {
                withDistance = true;
            } else if (ctx.argIs(at, "withhash")) {
                withHash = true;
            } else if (ctx.argIs(at, "withcoord")) {
                withCoordinates = true;
            } else if (ctx.argIs(at, "any")) {
                any = true;
            } else if (ctx.argIs(at, "asc")) {
                order = 1;
            } else if (ctx.argIs(at, "desc")) {
                order = -1;
            } else if (ctx.argIs(at, "count") && i + 1 < remaining) {
                count = ctx.longArg(at + 1);
                if (count <= 0) {
                    throw new CommandException("ERR COUNT must be > 0");
                }
                i++;
            } else if ((ctx.argIs(at, "store") || ctx.argIs(at, "storedist"))
                    && i + 1 < remaining
                    && variant.acceptsStoreKey()) {
                store = Key.of(ctx.arg(at + 1));
                storeDistances = ctx.argIs(at, "storedist");
                i++;
            } else if (ctx.argIs(at, "storedist") && variant == GeoSearchVariant.GEOSEARCHSTORE) {
                storeDistances = true;
            } else if (ctx.argIs(at, "frommember") && i + 1 < remaining && variant.isSearch() && !fromPosition) {
                if (zset != null) {
                    centre = memberPosition(ctx, zset, at + 1);
                }
                fromMember = true;
                i++;
            } else if (ctx.argIs(at, "fromlonlat") && i + 2 < remaining && variant.isSearch() && !fromMember) {
                centre = arguments.position(ctx, at + 1);
                fromPosition = true;
                i += 2;
            } else if (ctx.argIs(at, "byradius") && i + 2 < remaining && variant.isSearch() && !byBox) {
                size = arguments.circle(ctx, at + 1, new double[2]);
                byRadius = true;
                i += 2;
            } else if (ctx.argIs(at, "bybox") && i + 3 < remaining && variant.isSearch() && !byRadius) {
                size = arguments.box(ctx, at + 1, new double[2]);
                byBox = true;
                i += 3;
            } else {
                throw CommandException.syntaxError();
            }
        }
        if (store != null && (withDistance || withHash || withCoordinates)) {
            throw new CommandException("ERR "
                    + (variant == GeoSearchVariant.GEOSEARCHSTORE ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
                    + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
        }
        if (variant.isSearch() && !(fromMember || fromPosition)) {
            throw new CommandException(
                    "ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + commandName(ctx));
        }
        if (variant.isSearch() && !(byRadius || byBox)) {
            throw new CommandException(
                    "ERR exactly one of BYRADIUS and BYBOX can be specified for " + commandName(ctx));
        }
        if (any && count == 0) {
            throw new CommandException("ERR the ANY argument requires COUNT argument");
        }
        GeoShape shape = zset == null ? null : size.around(centre);
        return new GeoSearchRequest(
                shape, store, storeDistances, withDistance, withHash, withCoordinates, any, count, order);
    }

    /** The position of a member of the searched set, or {@code ERR could not decode requested zset member}. */
    private static double[] memberPosition(CommandContext ctx, SortedSetValue zset, int index) {
        Double score = zset.score(Bytes.of(ctx.arg(index)));
        if (score == null) {
            throw new CommandException(BAD_MEMBER);
        }
        return GeoHash.position(score);
    }

    /** The command name as the client spelled it, as Redis echoes {@code argv[0]}. */
    private static String commandName(CommandContext ctx) {
        return ctx.argString(0).replace('\r', ' ').replace('\n', ' ');
    }
}

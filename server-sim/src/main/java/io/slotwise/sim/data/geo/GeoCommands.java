package io.slotwise.sim.data.geo;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import io.slotwise.sim.data.CollectionRegistrar;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * GEOADD, GEOPOS, GEODIST and GEOHASH with Redis 7.0's replies, and the registration of the search commands ({@link
 * GeoSearchCommand}). Geo values are plain sorted sets: any sorted set can be read as one, and a key of another type
 * answers {@code WRONGTYPE}. Like the other collection handlers, each serves clients blocked on keys (BZPOPMIN) before
 * and after it runs outside a transaction, so a GEOADD wakes them once it has finished. Handlers run on the node's
 * event loop.
 */
public final class GeoCommands {
    private GeoCommands() {}

    /**
     * Registers GEOADD, GEOPOS, GEODIST, GEOHASH, GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUS_RO,
     * GEORADIUSBYMEMBER and GEORADIUSBYMEMBER_RO.
     *
     * @param registrar registers them with WRONGTYPE handling and blocked clients served around each command (a GEOADD
     *     wakes a BZPOPMIN waiter); the node must have a keyspace service
     * @param floats parses a float argument as Redis's {@code getDoubleFromObject} does (empty if Redis rejects it)
     */
    public static void register(CollectionRegistrar registrar, Function<byte[], OptionalDouble> floats) {
        GeoArguments arguments = new GeoArguments(floats);
        registrar.register("geoadd", ctx -> GeoAddCommand.geoadd(ctx, arguments));
        registrar.register("geopos", GeoCommands::geopos);
        registrar.register("geodist", GeoCommands::geodist);
        registrar.register("geohash", GeoCommands::geohash);
        for (GeoSearchVariant variant : GeoSearchVariant.values()) {
            GeoSearchCommand command = new GeoSearchCommand(variant, arguments);
            registrar.register(variant.name().toLowerCase(Locale.ROOT), command::handle);
        }
    }

    /** Returns the node's keyspace. */
    static Keyspace keyspace(CommandContext ctx) {
        return ctx.node()
                .service(Keyspace.class)
                .orElseThrow(() -> new IllegalStateException("node has no keyspace: KeyspaceModule not installed"));
    }

    /** A position as GEOPOS and WITHCOORD answer it: two doubles in Redis's "human" form. */
    static Reply coordinates(double longitude, double latitude) {
        return Reply.array(
                new Reply.Double(longitude, GeoFormat.coordinate(longitude)),
                new Reply.Double(latitude, GeoFormat.coordinate(latitude)));
    }

    /** GEOPOS: per member its position, or a null array if absent. */
    private static Reply geopos(CommandContext ctx) {
        SortedSetValue zset = keyspace(ctx).getSortedSet(Key.of(ctx.arg(1)));
        List<Reply> positions = new ArrayList<>(ctx.argc() - 2);
        for (int i = 2; i < ctx.argc(); i++) {
            Double score = zset == null ? null : zset.score(Bytes.of(ctx.arg(i)));
            if (score == null) {
                positions.add(Reply.nullArray());
            } else {
                double[] position = GeoHash.position(score);
                positions.add(coordinates(position[0], position[1]));
            }
        }
        return new Reply.Array(positions);
    }

    /** GEODIST: the distance in the unit ({@code %.4f}), or null if the key or either member is missing. */
    private static Reply geodist(CommandContext ctx) {
        double metersPerUnit = 1;
        if (ctx.argc() == 5) {
            metersPerUnit = GeoArguments.metersPerUnit(ctx, 4);
        } else if (ctx.argc() > 5) {
            throw CommandException.syntaxError();
        }
        SortedSetValue zset = keyspace(ctx).getSortedSet(Key.of(ctx.arg(1)));
        if (zset == null) {
            return Reply.nullBulk();
        }
        Double first = zset.score(Bytes.of(ctx.arg(2)));
        Double second = zset.score(Bytes.of(ctx.arg(3)));
        if (first == null || second == null) {
            return Reply.nullBulk();
        }
        double[] a = GeoHash.position(first);
        double[] b = GeoHash.position(second);
        return Reply.bulk(GeoFormat.distance(GeoDistance.between(a[0], a[1], b[0], b[1]) / metersPerUnit));
    }

    /**
     * GEOHASH: per member the standard 11-character geohash (re-encoded over latitude ±90, the last character always
     * {@code 0}), or null if absent.
     */
    private static Reply geohash(CommandContext ctx) {
        SortedSetValue zset = keyspace(ctx).getSortedSet(Key.of(ctx.arg(1)));
        List<Reply> hashes = new ArrayList<>(ctx.argc() - 2);
        for (int i = 2; i < ctx.argc(); i++) {
            Double score = zset == null ? null : zset.score(Bytes.of(ctx.arg(i)));
            if (score == null) {
                hashes.add(Reply.nullBulk());
            } else {
                double[] position = GeoHash.position(score);
                hashes.add(Reply.bulk(GeoHashText.of(position[0], position[1])));
            }
        }
        return new Reply.Array(hashes);
    }
}

package io.slotwise.sim.data.geo;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.keyspace.Bytes;
import io.slotwise.sim.keyspace.Key;
import io.slotwise.sim.keyspace.Keyspace;
import io.slotwise.sim.keyspace.ScoreBound;
import io.slotwise.sim.keyspace.SortedSetValue;
import io.slotwise.sim.keyspace.ZEntry;
import io.slotwise.sim.protocol.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs GEOSEARCH, GEOSEARCHSTORE and the GEORADIUS family as Redis 7.0 does: scans the cells of the {@link
 * GeoSearchArea} in order, each in score order, keeps the members inside the shape, sorts them by distance when asked
 * (or when COUNT is given without ANY; ties keep scan order), then replies with members (optionally with distance,
 * hash and coordinates, in that order) or stores them as a sorted set scored by geohash or by distance. Stateless.
 */
final class GeoSearchCommand {
    private final GeoSearchVariant variant;
    private final GeoArguments arguments;

    GeoSearchCommand(GeoSearchVariant variant, GeoArguments arguments) {
        this.variant = variant;
        this.arguments = arguments;
    }

    /** A member found: its position, its distance from the centre (in the request's unit) and its score. */
    private record Found(Bytes member, double longitude, double latitude, double distance, double score) {}

    Reply handle(CommandContext ctx) {
        Keyspace keyspace = GeoCommands.keyspace(ctx);
        SortedSetValue zset = keyspace.getSortedSet(Key.of(ctx.arg(variant.sourceIndex())));
        GeoSearchRequest request = GeoSearchRequest.parse(ctx, variant, zset, arguments);
        if (zset == null) {
            if (request.store() == null) {
                return new Reply.Array(List.of());
            }
            keyspace.delete(request.store());
            return Reply.integer(0);
        }
        int order = request.order();
        if (request.count() != 0 && order == 0 && !request.any()) {
            order = 1;
        }
        List<Found> found = search(zset, request.shape(), request.any() ? request.count() : 0);
        if (found.isEmpty() && request.store() == null) {
            return new Reply.Array(List.of());
        }
        if (order != 0) {
            Comparator<Found> byDistance = Comparator.comparingDouble(Found::distance);
            found.sort(order > 0 ? byDistance : byDistance.reversed());
        }
        int returned = (int) Math.min(found.size(), request.count() == 0 ? found.size() : request.count());
        List<Found> results = found.subList(0, returned);
        return request.store() == null ? reply(request, results) : store(keyspace, request, results);
    }

    /** Collects the members inside the shape; stops once {@code limit} are found (0 for no limit). */
    private static List<Found> search(SortedSetValue zset, GeoShape shape, long limit) {
        List<GeoHash.Cell> cells = GeoSearchArea.cells(shape);
        List<Found> found = new ArrayList<>();
        int lastProcessed = 0;
        for (int i = 0; i < cells.size(); i++) {
            GeoHash.Cell cell = cells.get(i);
            if (cell.isNone()) {
                continue;
            }
            // Redis skips a cell equal to the one scanned last (huge radii wrap around), but never compares with the
            // centre cell: its "last" index starts at 0, which reads as "none".
            if (lastProcessed != 0 && cell.equals(cells.get(lastProcessed))) {
                continue;
            }
            if (limit > 0 && found.size() >= limit) {
                break;
            }
            scanCell(zset, cell, shape, limit, found);
            lastProcessed = i;
        }
        return found;
    }

    private static void scanCell(
            SortedSetValue zset, GeoHash.Cell cell, GeoShape shape, long limit, List<Found> found) {
        List<ZEntry> entries = zset.rangeByScore(
                new ScoreBound(cell.minScore(), false), new ScoreBound(cell.maxScore(), true), false, 0, -1);
        for (ZEntry entry : entries) {
            double[] position = GeoHash.position(entry.score());
            double distance = shape.distanceIfContains(position[0], position[1]);
            if (distance >= 0) {
                found.add(new Found(
                        entry.member(), position[0], position[1], distance / shape.metersPerUnit(), entry.score()));
            }
            if (limit > 0 && found.size() >= limit) {
                return;
            }
        }
    }

    private static Reply reply(GeoSearchRequest request, List<Found> results) {
        boolean nested = request.withDistance() || request.withHash() || request.withCoordinates();
        List<Reply> replies = new ArrayList<>(results.size());
        for (Found point : results) {
            Reply member = Reply.bulk(point.member().toByteArray());
            if (!nested) {
                replies.add(member);
                continue;
            }
            List<Reply> item = new ArrayList<>(4);
            item.add(member);
            if (request.withDistance()) {
                item.add(Reply.bulk(GeoFormat.distance(point.distance())));
            }
            if (request.withHash()) {
                item.add(Reply.integer((long) point.score()));
            }
            if (request.withCoordinates()) {
                item.add(GeoCommands.coordinates(point.longitude(), point.latitude()));
            }
            replies.add(new Reply.Array(item));
        }
        return new Reply.Array(replies);
    }

    /** Replaces the destination with the results (removing its TTL), or deletes it when there are none. */
    private static Reply store(Keyspace keyspace, GeoSearchRequest request, List<Found> results) {
        if (results.isEmpty()) {
            keyspace.delete(request.store());
            return Reply.integer(0);
        }
        SortedSetValue stored = new SortedSetValue();
        for (Found point : results) {
            stored.add(point.member(), request.storeDistances() ? point.distance() : point.score());
        }
        keyspace.set(request.store(), stored);
        return Reply.integer(results.size());
    }
}

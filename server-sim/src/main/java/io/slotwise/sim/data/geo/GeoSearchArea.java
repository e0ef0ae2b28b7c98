package io.slotwise.sim.data.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * The geohash cells Redis 7.0 scans for a search: the cell around the centre at a step estimated from the size of the
 * shape, and its eight neighbours, minus the neighbours the shape's bounding box cannot reach. The cells come in
 * Redis's order (centre, north, south, east, west, north-east, north-west, south-east, south-west), which decides the
 * order of unsorted results and what ANY finds first. Stateless.
 */
final class GeoSearchArea {
    /** Half the Mercator projection's width in meters. */
    private static final double MERCATOR_MAX = 20037726.37;

    private GeoSearchArea() {}

    /** Returns the cells to scan, in order; unused neighbours are {@link GeoHash.Cell#NONE}. */
    static List<GeoHash.Cell> cells(GeoShape shape) {
        double[] bounds = boundingBox(shape);
        double minLongitude = bounds[0];
        double minLatitude = bounds[1];
        double maxLongitude = bounds[2];
        double maxLatitude = bounds[3];
        double radiusMeters = shape.isBox()
                ? Math.sqrt((shape.width() / 2) * (shape.width() / 2) + (shape.height() / 2) * (shape.height() / 2))
                : shape.radius();
        radiusMeters *= shape.metersPerUnit();

        int step = estimateStep(radiusMeters, shape.latitude());
        GeoHash.Cell centre = GeoHash.encode(shape.longitude(), shape.latitude(), step);
        GeoHash.Cell[] around = neighbours(centre);
        boolean tooCoarse = GeoHash.decode(around[0]).latitudeMax() < maxLatitude
                || GeoHash.decode(around[1]).latitudeMin() > minLatitude
                || GeoHash.decode(around[2]).longitudeMax() < maxLongitude
                || GeoHash.decode(around[3]).longitudeMin() > minLongitude;
        if (step > 1 && tooCoarse) {
            step--;
            centre = GeoHash.encode(shape.longitude(), shape.latitude(), step);
            around = neighbours(centre);
        }
        GeoHash.Area area = GeoHash.decode(centre);
        if (step >= 2) {
            if (area.latitudeMin() < minLatitude) {
                clear(around, SOUTH, SOUTH_WEST, SOUTH_EAST);
            }
            if (area.latitudeMax() > maxLatitude) {
                clear(around, NORTH, NORTH_EAST, NORTH_WEST);
            }
            if (area.longitudeMin() < minLongitude) {
                clear(around, WEST, SOUTH_WEST, NORTH_WEST);
            }
            if (area.longitudeMax() > maxLongitude) {
                clear(around, EAST, SOUTH_EAST, NORTH_EAST);
            }
        }
        List<GeoHash.Cell> cells = new ArrayList<>(9);
        cells.add(centre);
        cells.addAll(List.of(around));
        return cells;
    }

    private static final int NORTH = 0;
    private static final int SOUTH = 1;
    private static final int EAST = 2;
    private static final int WEST = 3;
    private static final int NORTH_EAST = 4;
    private static final int NORTH_WEST = 5;
    private static final int SOUTH_EAST = 6;
    private static final int SOUTH_WEST = 7;

    /** The eight neighbours in the order of the constants above. */
    private static GeoHash.Cell[] neighbours(GeoHash.Cell cell) {
        return new GeoHash.Cell[] {
            move(cell, 0, 1), move(cell, 0, -1), move(cell, 1, 0), move(cell, -1, 0),
            move(cell, 1, 1), move(cell, -1, 1), move(cell, 1, -1), move(cell, -1, -1)
        };
    }

    private static GeoHash.Cell move(GeoHash.Cell cell, int east, int north) {
        GeoHash.Cell moved = east == 0 ? cell : GeoHash.moveLongitude(cell, east);
        return north == 0 ? moved : GeoHash.moveLatitude(moved, north);
    }

    private static void clear(GeoHash.Cell[] cells, int... which) {
        for (int index : which) {
            cells[index] = GeoHash.Cell.NONE;
        }
    }

    /**
     * The step (bits per axis) whose cells are about as large as the search radius: coarser towards the poles,
     * between 1 and 26, and 26 for a zero radius.
     */
    static int estimateStep(double rangeMeters, double latitude) {
        if (rangeMeters == 0) {
            return GeoHash.STEP_MAX;
        }
        int step = 1;
        while (rangeMeters < MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (latitude > 66 || latitude < -66) {
            step--;
            if (latitude > 80 || latitude < -80) {
                step--;
            }
        }
        return Math.max(1, Math.min(GeoHash.STEP_MAX, step));
    }

    /**
     * The shape's bounding box in degrees, {min longitude, min latitude, max longitude, max latitude}, taking the
     * longitude span at the latitude edge nearer the pole.
     */
    static double[] boundingBox(GeoShape shape) {
        double longitude = shape.longitude();
        double latitude = shape.latitude();
        double height = shape.metersPerUnit() * (shape.isBox() ? shape.height() / 2 : shape.radius());
        double width = shape.metersPerUnit() * (shape.isBox() ? shape.width() / 2 : shape.radius());
        double latitudeDelta = GeoDistance.degrees(height / GeoDistance.EARTH_RADIUS_METERS);
        double longitudeDeltaTop = GeoDistance.degrees(
                width / GeoDistance.EARTH_RADIUS_METERS / Math.cos(GeoDistance.radians(latitude + latitudeDelta)));
        double longitudeDeltaBottom = GeoDistance.degrees(
                width / GeoDistance.EARTH_RADIUS_METERS / Math.cos(GeoDistance.radians(latitude - latitudeDelta)));
        boolean southern = latitude < 0;
        double longitudeDelta = southern ? longitudeDeltaBottom : longitudeDeltaTop;
        return new double[] {
            longitude - longitudeDelta, latitude - latitudeDelta, longitude + longitudeDelta, latitude + latitudeDelta
        };
    }
}

package io.slotwise.api.args;

import io.slotwise.command.RedisDouble;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a {@code GEOSEARCH} / {@code GEOSEARCHSTORE}: the area around the centre ({@code BYRADIUS} or {@code
 * BYBOX}, with its unit), the order by distance ({@code ASC}/{@code DESC}, unordered by default) and a limit ({@code
 * COUNT n [ANY]}). The centre (a member or coordinates) is a separate argument of the command methods. Immutable:
 * each method returns a new value; checked when created, so a value that exists is one Redis accepts.
 *
 * <p>Example: {@code GeoSearch.byRadius(200, GeoUnit.KILOMETERS).ascending().limit(10)}.
 */
public final class GeoSearch {

    private final List<String> area;
    private final String order;
    private final long count;
    private final boolean any;

    private GeoSearch(List<String> area, String order, long count, boolean any) {
        this.area = area;
        this.order = order;
        this.count = count;
        this.any = any;
    }

    /**
     * Searches a circle ({@code BYRADIUS radius unit}).
     *
     * @param radius the radius, finite and not negative
     * @param unit the unit of the radius and of returned distances
     * @return the search, unordered and unlimited
     * @throws IllegalArgumentException for a negative, infinite or NaN radius
     */
    public static GeoSearch byRadius(double radius, GeoUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return new GeoSearch(List.of("BYRADIUS", length("radius", radius), unit.token()), null, 0, false);
    }

    /**
     * Searches an axis-aligned rectangle centred on the centre ({@code BYBOX width height unit}).
     *
     * @param width the width (east-west), finite and not negative
     * @param height the height (north-south), finite and not negative
     * @param unit the unit of the sides and of returned distances
     * @return the search, unordered and unlimited
     * @throws IllegalArgumentException for a negative, infinite or NaN side
     */
    public static GeoSearch byBox(double width, double height, GeoUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return new GeoSearch(
                List.of("BYBOX", length("width", width), length("height", height), unit.token()), null, 0, false);
    }

    /**
     * Returns this search ordered nearest first ({@code ASC}).
     *
     * @return a new search
     */
    public GeoSearch ascending() {
        return new GeoSearch(area, "ASC", count, any);
    }

    /**
     * Returns this search ordered farthest first ({@code DESC}).
     *
     * @return a new search
     */
    public GeoSearch descending() {
        return new GeoSearch(area, "DESC", count, any);
    }

    /**
     * Returns this search limited to the {@code count} best matches ({@code COUNT count}): Redis still examines every
     * member in the area, then sorts and cuts.
     *
     * @param count the most members to return, at least 1
     * @return a new search
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public GeoSearch limit(long count) {
        return new GeoSearch(area, order, positive(count), false);
    }

    /**
     * Returns this search stopping as soon as {@code count} matches are found ({@code COUNT count ANY}): faster, but
     * the members are not necessarily the nearest ones.
     *
     * @param count the most members to return, at least 1
     * @return a new search
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public GeoSearch limitAny(long count) {
        return new GeoSearch(area, order, positive(count), true);
    }

    /**
     * Returns the RESP arguments of this shape, to follow the centre.
     *
     * @return {@code BYRADIUS r unit} or {@code BYBOX w h unit}, then {@code ASC}/{@code DESC} and {@code COUNT n
     *     [ANY]} if set; fresh arrays
     */
    public List<byte[]> arguments() {
        List<byte[]> args = new ArrayList<>(area.size() + 4);
        area.forEach(token -> args.add(Tokens.of(token)));
        if (order != null) {
            args.add(Tokens.of(order));
        }
        if (count > 0) {
            args.add(Tokens.of("COUNT"));
            args.add(Tokens.of(count));
            if (any) {
                args.add(Tokens.of("ANY"));
            }
        }
        return args;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeoSearch that
                && area.equals(that.area)
                && Objects.equals(order, that.order)
                && count == that.count
                && any == that.any;
    }

    @Override
    public int hashCode() {
        return Objects.hash(area, order, count, any);
    }

    @Override
    public String toString() {
        return "GeoSearch" + area + (order == null ? "" : " " + order)
                + (count > 0 ? " COUNT " + count + (any ? " ANY" : "") : "");
    }

    private static String length(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "GEOSEARCH: the " + what + " must be finite and not negative, was " + value);
        }
        return RedisDouble.format(value);
    }

    private static long positive(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("GEOSEARCH: COUNT must be at least 1, was " + count);
        }
        return count;
    }
}

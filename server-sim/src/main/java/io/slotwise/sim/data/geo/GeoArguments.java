package io.slotwise.sim.data.geo;

import io.slotwise.sim.command.CommandContext;
import io.slotwise.sim.command.CommandException;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Parses the numeric arguments of the geo commands with Redis 7.0's errors: positions ({@code ERR value is not a
 * valid float}, {@code ERR invalid longitude,latitude pair 200.000000,100.000000}), units ({@code m}, {@code km},
 * {@code ft}, {@code mi} in any case) and radius or box sizes. Numbers follow the node's float syntax (C's {@code
 * strtod} as Redis accepts it). Immutable and thread-safe.
 */
final class GeoArguments {
    private final Function<byte[], OptionalDouble> floats;

    /** @param floats parses a float argument as Redis does; empty for text Redis rejects */
    GeoArguments(Function<byte[], OptionalDouble> floats) {
        this.floats = floats;
    }

    /**
     * Parses a longitude and the latitude after it.
     *
     * @return {longitude, latitude}
     * @throws CommandException for a malformed number or a position outside the Mercator ranges
     */
    double[] position(CommandContext ctx, int index) {
        double longitude = number(ctx, index, "value is not a valid float");
        double latitude = number(ctx, index + 1, "value is not a valid float");
        if (!GeoHash.isValid(longitude, latitude)) {
            throw new CommandException("ERR invalid longitude,latitude pair " + GeoFormat.inError(longitude) + ","
                    + GeoFormat.inError(latitude));
        }
        return new double[] {longitude, latitude};
    }

    /**
     * Parses a unit.
     *
     * @return meters per unit
     * @throws CommandException {@code ERR unsupported unit provided. please use M, KM, FT, MI}
     */
    static double metersPerUnit(CommandContext ctx, int index) {
        if (ctx.argIs(index, "m")) {
            return 1;
        } else if (ctx.argIs(index, "km")) {
            return 1000;
        } else if (ctx.argIs(index, "ft")) {
            return 0.3048;
        } else if (ctx.argIs(index, "mi")) {
            return 1609.34;
        }
        throw new CommandException("ERR unsupported unit provided. please use M, KM, FT, MI");
    }

    /**
     * Parses {@code radius unit} into a circle around a centre.
     *
     * @throws CommandException {@code ERR need numeric radius}, {@code ERR radius cannot be negative}, or a unit error
     */
    GeoShape circle(CommandContext ctx, int index, double[] centre) {
        double radius = number(ctx, index, "need numeric radius");
        if (radius < 0) {
            throw new CommandException("ERR radius cannot be negative");
        }
        return GeoShape.circle(centre, radius, metersPerUnit(ctx, index + 1));
    }

    /**
     * Parses {@code width height unit} into a box around a centre.
     *
     * @throws CommandException {@code ERR need numeric width}/{@code height}, {@code ERR height or width cannot be
     *     negative}, or a unit error
     */
    GeoShape box(CommandContext ctx, int index, double[] centre) {
        double width = number(ctx, index, "need numeric width");
        double height = number(ctx, index + 1, "need numeric height");
        if (height < 0 || width < 0) {
            throw new CommandException("ERR height or width cannot be negative");
        }
        return GeoShape.box(centre, width, height, metersPerUnit(ctx, index + 2));
    }

    private double number(CommandContext ctx, int index, String error) {
        OptionalDouble value = floats.apply(ctx.arg(index));
        if (value.isEmpty()) {
            throw new CommandException("ERR " + error);
        }
        return value.getAsDouble();
    }
}

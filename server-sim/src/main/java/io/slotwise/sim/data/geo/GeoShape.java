package io.slotwise.sim.data.geo;

/**
 * The area a search covers: a circle of {@code radius} or a box of {@code width} by {@code height} (in the request's
 * unit) around a centre. The centre is filled in by FROMMEMBER/FROMLONLAT and may follow the size.
 *
 * @param longitude the centre's longitude
 * @param latitude the centre's latitude
 * @param isBox whether this is a box (BYBOX) rather than a circle
 * @param radius the circle's radius, in the unit
 * @param width the box's width, in the unit
 * @param height the box's height, in the unit
 * @param metersPerUnit the unit
 */
record GeoShape(
        double longitude,
        double latitude,
        boolean isBox,
        double radius,
        double width,
        double height,
        double metersPerUnit) {

    static GeoShape circle(double[] centre, double radius, double metersPerUnit) {
        return new GeoShape(centre[0], centre[1], false, radius, 0, 0, metersPerUnit);
    }

    static GeoShape box(double[] centre, double width, double height, double metersPerUnit) {
        return new GeoShape(centre[0], centre[1], true, 0, width, height, metersPerUnit);
    }

    /** Returns the same shape around another centre. */
    GeoShape around(double[] centre) {
        return new GeoShape(centre[0], centre[1], isBox, radius, width, height, metersPerUnit);
    }

    /**
     * Returns the distance in meters from the centre to a point if the shape contains it, else a negative number.
     */
    double distanceIfContains(double longitude, double latitude) {
        if (isBox) {
            return GeoDistance.withinBox(
                    width * metersPerUnit, height * metersPerUnit, this.longitude, this.latitude, longitude, latitude);
        }
        double distance = GeoDistance.between(this.longitude, this.latitude, longitude, latitude);
        return distance > radius * metersPerUnit ? -1 : distance;
    }
}

package io.slotwise.sim.data.hyperloglog;

/**
 * Redis 7's cardinality estimator for HyperLogLog (Otmar Ertl's improved estimator): from the histogram of register
 * values it combines the {@code tau} correction for saturated registers and the {@code sigma} correction for empty
 * ones, then rounds {@code alpha_inf * m^2 / z} to the nearest integer (half away from zero). Stateless.
 */
final class CardinalityEstimator {
    /** 0.5 / ln(2). */
    private static final double ALPHA_INF = 0.721347520444481703680;

    private CardinalityEstimator() {}

    /**
     * Estimates a cardinality.
     *
     * @param histogram at index {@code v}, how many registers hold {@code v}; at least {@link HllSketch#Q} + 2 long
     * @return the estimate, 0 when every register is zero
     */
    static long estimate(int[] histogram) {
        double m = HllSketch.REGISTERS;
        double z = m * tau((m - histogram[HllSketch.Q + 1]) / m);
        for (int j = HllSketch.Q; j >= 1; --j) {
            z += histogram[j];
            z *= 0.5;
        }
        z += m * sigma(histogram[0] / m);
        return Math.round(ALPHA_INF * m * m / z);
    }

    static double sigma(double x) {
        if (x == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        double previous;
        double y = 1;
        double z = x;
        do {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (previous != z);
        return z;
    }

    static double tau(double x) {
        if (x == 0.0 || x == 1.0) {
            return 0.0;
        }
        double previous;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            previous = z;
            y *= 0.5;
            double gap = 1 - x;
            z -= gap * gap * y;
        } while (previous != z);
        return z / 3;
    }
}

package io.slotwise.sim.script.lua;

/**
 * The generator behind {@code math.random} in Redis's Lua: the 48-bit linear congruential generator of {@code
 * lrand48}, starting from its default state (as Redis's own copy does, which no script reseeds) and reseeded by {@code
 * math.randomseed}. Not thread-safe.
 */
final class RedisRandom {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long MASK = (1L << 48) - 1;
    /** Redis's {@code REDIS_LRAND48_MAX}. */
    static final long MAX = Integer.MAX_VALUE;

    private long state;

    RedisRandom() {
        state = 0x1234ABCD330EL;
    }

    void seed(int seed) {
        state = ((long) seed << 16 | 0x330E) & MASK;
    }

    /** Returns the next value in [0, 2^31). */
    long next() {
        state = (state * MULTIPLIER + 0xB) & MASK;
        return state >>> 17;
    }
}

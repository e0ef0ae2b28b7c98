package io.slotwise.sim.keyspace;

import java.util.function.LongSupplier;

/** A test clock that moves only when told to. */
final class FakeClock implements LongSupplier {
    private long nowMillis;

    FakeClock(long startMillis) {
        this.nowMillis = startMillis;
    }

    @Override
    public long getAsLong() {
        return nowMillis;
    }

    void advance(long millis) {
        nowMillis += millis;
    }
}

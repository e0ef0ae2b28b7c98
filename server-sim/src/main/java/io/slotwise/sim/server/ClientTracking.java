package io.slotwise.sim.server;

/**
 * A client's client-side caching state (CLIENT TRACKING) as its session and CLIENT LIST see it: whether tracking is on,
 * in broadcasting mode, where invalidations are redirected and whether that redirection broke. The tracking package
 * implements it and attaches it to a session the first time the client enables tracking.
 *
 * <p>Threading: used on the node's event loop only.
 */
public interface ClientTracking {

    /** The state of a client that never enabled tracking: off, and nothing to disable. */
    ClientTracking NONE = new ClientTracking() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean broadcasting() {
            return false;
        }

        @Override
        public boolean redirectBroken() {
            return false;
        }

        @Override
        public long redirectId() {
            return 0;
        }

        @Override
        public void disable() {}
    };

    /** Whether tracking is on (CLIENT LIST flag {@code t}). */
    boolean enabled();

    /** Whether tracking is on in BCAST mode (flag {@code B}). */
    boolean broadcasting();

    /** Whether the client invalidations are redirected to has gone away (flag {@code R}). */
    boolean redirectBroken();

    /** Returns the id of the client invalidations are redirected to, 0 if none (meaningful while enabled). */
    long redirectId();

    /** Turns tracking off, as {@code CLIENT TRACKING off}, RESET and a closing connection do. */
    void disable();
}

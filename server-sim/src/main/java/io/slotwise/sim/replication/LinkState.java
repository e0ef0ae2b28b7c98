package io.slotwise.sim.replication;

/** The state of a replica's link to its master, named as ROLE reports it (Redis's {@code repl_state}). */
enum LinkState {
    /** Not connected; a connection attempt is due (after a back-off when the last one failed). */
    CONNECT("connect"),
    /** The TCP connection is being made. */
    CONNECTING("connecting"),
    /** Connected; AUTH, REPLCONF and PSYNC are being answered. */
    HANDSHAKE("handshake"),
    /** The master answered FULLRESYNC and the snapshot is being received. */
    SYNC("sync"),
    /** Synchronised: the stream is being applied. */
    CONNECTED("connected");

    private final String roleName;

    LinkState(String roleName) {
        this.roleName = roleName;
    }

    /** Returns the name ROLE shows. */
    String roleName() {
        return roleName;
    }
}

package io.slotwise.routing;

/**
 * The kinds of server error a cluster client treats specially, read from the error code (the first word of the
 * message). Everything else is {@link #OTHER}: an application error the caller receives as it is.
 */
public enum ServerErrorKind {
    /** {@code MOVED}: the slot has a new owner. */
    MOVED,
    /** {@code ASK}: the key is on the node importing the slot. */
    ASK,
    /** {@code TRYAGAIN}: a multi-key command met a slot in migration; safe to retry after a pause. */
    TRYAGAIN,
    /** {@code CLUSTERDOWN}: the cluster cannot serve the slot right now; safe to retry after a pause. */
    CLUSTERDOWN,
    /** {@code LOADING}: the node is loading its data set; safe to retry after a pause. */
    LOADING,
    /** {@code MASTERDOWN}: a replica lost its primary and serves no stale data; safe to retry after a pause. */
    MASTERDOWN,
    /** {@code CROSSSLOT}: the keys of one command hash to different slots; retrying cannot help. */
    CROSSSLOT,
    /** Any other error. */
    OTHER;

    /**
     * Classifies an error message.
     *
     * @param message the error text after {@code -}
     * @return its kind
     */
    public static ServerErrorKind of(String message) {
        int space = message.indexOf(' ');
        String code = space < 0 ? message : message.substring(0, space);
        return switch (code) {
            case "MOVED" -> MOVED;
            case "ASK" -> ASK;
            case "TRYAGAIN" -> TRYAGAIN;
            case "CLUSTERDOWN" -> CLUSTERDOWN;
            case "LOADING" -> LOADING;
            case "MASTERDOWN" -> MASTERDOWN;
            case "CROSSSLOT" -> CROSSSLOT;
            default -> OTHER;
        };
    }

    /** Whether a command that failed with this error may be sent again unchanged after a pause. */
    public boolean isTransient() {
        return this == TRYAGAIN || this == CLUSTERDOWN || this == LOADING || this == MASTERDOWN;
    }
}

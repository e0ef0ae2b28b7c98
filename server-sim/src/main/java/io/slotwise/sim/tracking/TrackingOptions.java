package io.slotwise.sim.tracking;

import io.slotwise.sim.keyspace.Bytes;
import java.util.List;

/**
 * The options of one {@code CLIENT TRACKING on|off} as parsed, before Redis's compatibility checks.
 *
 * @param on whether tracking is to be turned on
 * @param redirectId the client to redirect invalidations to, 0 for none
 * @param broadcast BCAST
 * @param optIn OPTIN
 * @param optOut OPTOUT
 * @param noLoop NOLOOP
 * @param prefixes the PREFIX arguments in order, duplicates kept
 */
record TrackingOptions(
        boolean on,
        long redirectId,
        boolean broadcast,
        boolean optIn,
        boolean optOut,
        boolean noLoop,
        List<Bytes> prefixes) {

    /** Copies the prefixes. */
    TrackingOptions {
        prefixes = List.copyOf(prefixes);
    }
}

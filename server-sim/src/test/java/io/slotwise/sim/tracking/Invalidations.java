package io.slotwise.sim.tracking;

import io.slotwise.sim.Resp;
import java.util.Arrays;

/** Expected wire text of invalidation frames, for assertions. Stateless. */
final class Invalidations {
    private Invalidations() {}

    /** A RESP3 push of already encoded elements. */
    static String push(String... encoded) {
        return ">" + encoded.length + "\r\n" + String.join("", encoded);
    }

    /** RESP3 {@code ["invalidate", [keys...]]}. */
    static String invalidate(String... keys) {
        return push(Resp.bulk("invalidate"), keysArray(keys));
    }

    /** RESP3 {@code ["invalidate", null]}, after a flush. */
    static String invalidateAll() {
        return push(Resp.bulk("invalidate"), "_\r\n");
    }

    /** RESP2 {@code ["message", "__redis__:invalidate", [keys...]]}, to a redirection target. */
    static String message(String... keys) {
        return Resp.array(Resp.bulk("message"), Resp.bulk("__redis__:invalidate"), keysArray(keys));
    }

    private static String keysArray(String... keys) {
        return Resp.array(Arrays.stream(keys).map(Resp::bulk).toArray(String[]::new));
    }
}

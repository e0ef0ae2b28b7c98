package io.slotwise.netty.resp;

import io.slotwise.resp.RespValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The RESP3 attribute maps received at one nesting level that still wait for the value they annotate: Redis sends
 * attributes before that value.
 */
final class PendingAttributes {

    private List<RespValue.Map> maps;

    void add(RespValue.Map attributes) {
        if (maps == null) {
            maps = new ArrayList<>(1);
        }
        maps.add(attributes);
    }

    /**
     * Wraps a value in the waiting attribute maps (the first received outermost) and forgets them.
     *
     * @return the value itself if no attributes wait
     */
    RespValue attachTo(RespValue value) {
        if (maps == null) {
            return value;
        }
        RespValue wrapped = value;
        for (int i = maps.size() - 1; i >= 0; i--) {
            wrapped = new RespValue.Attributed(maps.get(i), wrapped);
        }
        maps = null;
        return wrapped;
    }

    void clear() {
        maps = null;
    }
}

package io.slotwise.routing;

import io.slotwise.TopologyParseException;
import io.slotwise.resp.RespValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the map-shaped parts of a reply, which RESP3 sends as maps and RESP2 as flat key-value arrays, and the scalar
 * fields within them.
 */
final class ReplyFields {

    private ReplyFields() {}

    /** Reads a RESP3 map or a RESP2 flat array of alternating keys and values into an ordered map by key text. */
    static Map<String, RespValue> map(RespValue value, String what) {
        Map<String, RespValue> fields = new LinkedHashMap<>();
        RespValue plain = value.withoutAttributes();
        if (plain instanceof RespValue.Map map) {
            for (RespValue.Map.Entry entry : map.entries()) {
                fields.put(text(entry.key(), what + " key"), entry.value());
            }
        } else if (plain instanceof RespValue.Array array && array.elements().size() % 2 == 0) {
            List<RespValue> elements = array.elements();
            for (int i = 0; i < elements.size(); i += 2) {
                fields.put(text(elements.get(i), what + " key"), elements.get(i + 1));
            }
        } else {
            throw new TopologyParseException(what + " is not a map: " + describe(plain));
        }
        return fields;
    }

    static List<RespValue> array(RespValue value, String what) {
        RespValue plain = value.withoutAttributes();
        if (plain instanceof RespValue.Array array) {
            return array.elements();
        }
        if (plain instanceof RespValue.Set set) {
            return set.elements();
        }
        throw new TopologyParseException(what + " is not an array: " + describe(plain));
    }

    static String text(RespValue value, String what) {
        RespValue plain = value.withoutAttributes();
        if (plain instanceof RespValue.Bulk bulk) {
            return bulk.asString();
        }
        if (plain instanceof RespValue.SimpleString simple) {
            return simple.value();
        }
        if (plain instanceof RespValue.Verbatim verbatim) {
            return verbatim.text();
        }
        throw new TopologyParseException(what + " is not a string: " + describe(plain));
    }

    /** Text, or null for a RESP null or a missing field. */
    static String optionalText(RespValue value, String what) {
        return value == null || value.isNull() ? null : text(value, what);
    }

    static long integer(RespValue value, String what) {
        RespValue plain = value.withoutAttributes();
        if (plain instanceof RespValue.Int integer) {
            return integer.value();
        }
        if (plain instanceof RespValue.Bulk || plain instanceof RespValue.SimpleString) {
            try {
                return Long.parseLong(text(plain, what));
            } catch (NumberFormatException e) {
                throw new TopologyParseException(what + " is not an integer: " + describe(plain));
            }
        }
        throw new TopologyParseException(what + " is not an integer: " + describe(plain));
    }

    static String describe(RespValue value) {
        return value instanceof RespValue.Error error
                ? "error reply '" + error.message() + "'"
                : value.getClass().getSimpleName();
    }
}

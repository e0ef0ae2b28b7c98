package io.slotwise.sim.script;

import io.slotwise.sim.protocol.DoubleFormat;
import io.slotwise.sim.protocol.Reply;
import io.slotwise.sim.script.lua.LuaTable;
import io.slotwise.sim.script.lua.LuaValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversions between replies and Lua values, as Redis 7.0 makes them. A command's reply becomes a Lua value as a
 * client of the script's RESP version would see it (RESP2 by default: nulls are {@code false}, maps flat arrays,
 * doubles strings; RESP3 after {@code redis.setresp(3)}: nil, {@code {map=...}}, {@code {double=...}}, booleans). A
 * script's result becomes a reply: strings bulk, numbers integers (truncated), {@code true} 1, {@code false} and nil
 * null (a RESP3 boolean false after {@code setresp(3)}), tables with {@code err} or {@code ok} an error or a status,
 * {@code map}, {@code set}, {@code double} the RESP3 types, other tables arrays up to their first nil. Stateless.
 */
final class LuaReplies {
    private LuaReplies() {}

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Converts a command's reply; errors become {@code {err=...}} tables. */
    static Object toLua(Reply reply, int resp) {
        if (reply instanceof Reply.Int i) {
            return (double) i.value();
        } else if (reply instanceof Reply.Bulk b) {
            return latin1(b.bytes());
        } else if (reply instanceof Reply.SimpleString s) {
            return single("ok", latin1(s.bytes()));
        } else if (reply instanceof Reply.SimpleError e) {
            return single("err", latin1(e.bytes()));
        } else if (reply instanceof Reply.Null) {
            return resp == 2 ? Boolean.FALSE : null;
        } else if (reply instanceof Reply.Array a) {
            return list(a.elements(), resp);
        } else if (reply instanceof Reply.Push p) {
            return list(p.elements(), resp);
        } else if (reply instanceof Reply.Set s) {
            if (resp == 2) {
                return list(s.elements(), resp);
            }
            LuaTable set = new LuaTable();
            for (Reply element : s.elements()) {
                set.put(toLua(element, resp), Boolean.TRUE);
            }
            return single("set", set);
        } else if (reply instanceof Reply.Map m) {
            if (resp == 2) {
                List<Reply> flat = new ArrayList<>();
                m.entries().forEach(e -> {
                    flat.add(e.key());
                    flat.add(e.value());
                });
                return list(flat, resp);
            }
            LuaTable map = new LuaTable();
            for (Reply.Entry entry : m.entries()) {
                map.put(toLua(entry.key(), resp), toLua(entry.value(), resp));
            }
            return single("map", map);
        } else if (reply instanceof Reply.Double d) {
            return resp == 2 ? DoubleFormat.format(d.value()) : single("double", d.value());
        } else if (reply instanceof Reply.Bool b) {
            return resp == 2 ? (Object) (b.value() ? 1.0 : 0.0) : (Object) b.value();
        } else if (reply instanceof Reply.BigNumber n) {
            return resp == 2 ? n.digits() : single("big_number", n.digits());
        } else if (reply instanceof Reply.Verbatim v) {
            if (resp == 2) {
                return latin1(v.text());
            }
            LuaTable verbatim = new LuaTable();
            verbatim.put("format", v.format());
            verbatim.put("string", latin1(v.text()));
            return single("verbatim_string", verbatim);
        } else if (reply instanceof Reply.Attribute a) {
            return toLua(a.reply(), resp);
        }
        throw new IllegalArgumentException("unknown reply " + reply);
    }

    private static LuaTable single(String key, Object value) {
        LuaTable table = new LuaTable();
        table.put(key, value);
        return table;
    }

    private static LuaTable list(List<Reply> elements, int resp) {
        LuaTable table = new LuaTable();
        for (int i = 0; i < elements.size(); i++) {
            table.put((double) (i + 1), toLua(elements.get(i), resp));
        }
        return table;
    }

    /** Converts a script's result (its first return value) to the reply of EVAL or FCALL. */
    static Reply toReply(Object value, int resp) {
        if (value == null) {
            return Reply.nullBulk();
        } else if (value instanceof String s) {
            return Reply.bulk(bytes(s));
        } else if (value instanceof Double d) {
            return Reply.integer((long) d.doubleValue());
        } else if (value instanceof Boolean b) {
            if (resp == 3) {
                return Reply.bool(b);
            }
            return b ? Reply.integer(1) : Reply.nullBulk();
        } else if (value instanceof LuaTable t) {
            return tableToReply(t, resp);
        }
        return Reply.nullBulk();
    }

    private static Reply tableToReply(LuaTable t, int resp) {
        if (t.get("err") instanceof String err) {
            return Reply.error(oneLine(err));
        }
        if (t.get("ok") instanceof String ok) {
            return Reply.simple(oneLine(ok));
        }
        if (t.get("double") instanceof Double d) {
            return Reply.doubleValue(d);
        }
        if (t.get("big_number") instanceof String digits && digits.matches("-?[0-9]+")) {
            return new Reply.BigNumber(digits);
        }
        if (t.get("map") instanceof LuaTable map) {
            List<Reply.Entry> entries = new ArrayList<>();
            for (Object[] e = map.next(null); e != null; e = map.next(e[0])) {
                entries.add(Reply.entry(toReply(e[0], resp), toReply(e[1], resp)));
            }
            return new Reply.Map(entries);
        }
        if (t.get("set") instanceof LuaTable set) {
            List<Reply> elements = new ArrayList<>();
            for (Object[] e = set.next(null); e != null; e = set.next(e[0])) {
                elements.add(toReply(e[0], resp));
            }
            return new Reply.Set(elements);
        }
        List<Reply> elements = new ArrayList<>();
        for (int i = 1; ; i++) {
            Object element = t.get(i);
            if (element == null) {
                break;
            }
            elements.add(toReply(element, resp));
        }
        return new Reply.Array(elements);
    }

    static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    /** Converts a Lua value to a command argument: strings as they are, numbers as {@code %.17g}; otherwise null. */
    static byte[] argument(Object value) {
        if (value instanceof String s) {
            return bytes(s);
        }
        if (value instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && Math.abs(v) < 1e17) {
                return Long.toString((long) v).getBytes(StandardCharsets.US_ASCII);
            }
            return DoubleFormat.format(v).getBytes(StandardCharsets.US_ASCII);
        }
        return null;
    }

    /** Returns Lua's type name of a value, for messages. */
    static String typeName(Object value) {
        return LuaValues.typeName(value);
    }
}

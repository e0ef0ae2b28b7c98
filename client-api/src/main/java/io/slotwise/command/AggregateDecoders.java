package io.slotwise.command;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.resp.RespValue;
import io.slotwise.value.KeyValue;
import io.slotwise.value.ScanPage;
import io.slotwise.value.ScoredValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The aggregate decoders behind {@link ReplyDecoders}. */
final class AggregateDecoders {

    private AggregateDecoders() {}

    /** The elements of an array or RESP3 set; an empty list for null. */
    static List<RespValue> elements(RespValue reply, String expected) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Array array) {
            return array.elements();
        } else if (plain instanceof RespValue.Set set) {
            return set.elements();
        } else if (plain instanceof RespValue.Null) {
            return List.of();
        }
        throw new UnexpectedReplyException(expected, plain);
    }

    static <T> List<T> list(RespValue reply, ReplyDecoder<T> element) {
        List<RespValue> elements = elements(reply, "an array");
        List<T> decoded = new ArrayList<>(elements.size());
        for (RespValue value : elements) {
            decoded.add(element.decode(value));
        }
        return Collections.unmodifiableList(decoded);
    }

    static <T> Set<T> set(RespValue reply, ReplyDecoder<T> element) {
        List<RespValue> elements = elements(reply, "an array or a set");
        Set<T> decoded = new LinkedHashSet<>();
        for (RespValue value : elements) {
            decoded.add(element.decode(value));
        }
        return Collections.unmodifiableSet(decoded);
    }

    static <K, V> Map<K, V> map(RespValue reply, ReplyDecoder<K> keys, ReplyDecoder<V> values) {
        Map<K, V> decoded = new LinkedHashMap<>();
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Map map) {
            for (RespValue.Map.Entry entry : map.entries()) {
                decoded.put(present(keys, entry.key()), values.decode(entry.value()));
            }
        } else {
            List<RespValue> flat = pairs(plain, "a map or a flat array of key-value pairs");
            for (int i = 0; i < flat.size(); i += 2) {
                decoded.put(present(keys, flat.get(i)), values.decode(flat.get(i + 1)));
            }
        }
        return Collections.unmodifiableMap(decoded);
    }

    static <K, V> List<KeyValue<K, V>> keyValues(RespValue reply, ReplyDecoder<K> keys, ReplyDecoder<V> values) {
        RespValue plain = reply.withoutAttributes();
        List<KeyValue<K, V>> decoded = new ArrayList<>();
        if (plain instanceof RespValue.Map map) {
            for (RespValue.Map.Entry entry : map.entries()) {
                decoded.add(new KeyValue<>(present(keys, entry.key()), present(values, entry.value())));
            }
        } else {
            List<RespValue> flat = pairs(plain, "a flat array of key-value pairs");
            for (int i = 0; i < flat.size(); i += 2) {
                decoded.add(new KeyValue<>(present(keys, flat.get(i)), present(values, flat.get(i + 1))));
            }
        }
        return Collections.unmodifiableList(decoded);
    }

    static <K, V> KeyValue<K, V> keyValue(RespValue reply, ReplyDecoder<K> keys, ReplyDecoder<V> values) {
        if (reply.isNull()) {
            return null;
        }
        List<RespValue> pair = elements(reply, "an array of a key and a value, or null");
        if (pair.size() != 2) {
            throw new UnexpectedReplyException("an array of a key and a value, or null", reply);
        }
        return new KeyValue<>(present(keys, pair.get(0)), present(values, pair.get(1)));
    }

    /**
     * Member-score pairs: RESP2 sends them flat ({@code [m1, s1, m2, s2]}, scores as bulk strings), RESP3 nested
     * ({@code [[m1, s1], [m2, s2]]}, scores as doubles). ZPOPMIN without a count sends one flat pair in both.
     */
    static <V> List<ScoredValue<V>> scoredValues(RespValue reply, ReplyDecoder<V> members) {
        List<RespValue> elements = elements(reply, "an array of member-score pairs");
        List<ScoredValue<V>> decoded = new ArrayList<>();
        if (!elements.isEmpty() && isAggregate(elements.get(0))) {
            for (RespValue element : elements) {
                List<RespValue> pair = elements(element, "a member-score pair");
                if (pair.size() != 2) {
                    throw new UnexpectedReplyException("a member-score pair", element);
                }
                decoded.add(scored(pair.get(0), pair.get(1), members));
            }
        } else {
            List<RespValue> flat = pairs(reply.withoutAttributes(), "an array of member-score pairs");
            for (int i = 0; i < flat.size(); i += 2) {
                decoded.add(scored(flat.get(i), flat.get(i + 1), members));
            }
        }
        return Collections.unmodifiableList(decoded);
    }

    static <V> ScoredValue<V> scoredValue(RespValue reply, ReplyDecoder<V> members) {
        List<ScoredValue<V>> all = scoredValues(reply, members);
        if (all.size() > 1) {
            throw new UnexpectedReplyException("at most one member-score pair", reply);
        }
        return all.isEmpty() ? null : all.get(0);
    }

    static <T> ScanPage<T> scanPage(RespValue reply, ReplyDecoder<List<T>> elements) {
        List<RespValue> parts = elements(reply, "an array of a cursor and elements");
        if (parts.size() != 2) {
            throw new UnexpectedReplyException("an array of a cursor and elements", reply);
        }
        String cursor = ScalarDecoders.text(parts.get(0));
        if (cursor == null) {
            throw new UnexpectedReplyException("a cursor", parts.get(0));
        }
        return new ScanPage<>(cursor, elements.decode(parts.get(1)));
    }

    private static <V> ScoredValue<V> scored(RespValue member, RespValue score, ReplyDecoder<V> members) {
        Double number = ScalarDecoders.doubleValue(score);
        if (number == null || number.isNaN()) {
            throw new UnexpectedReplyException("a score", score);
        }
        return new ScoredValue<>(present(members, member), number);
    }

    /** Decodes an element that must not be null (a key, a field, a member). */
    private static <T> T present(ReplyDecoder<T> decoder, RespValue element) {
        T decoded = decoder.decode(element);
        if (decoded == null) {
            throw new UnexpectedReplyException("a non-null element", element);
        }
        return decoded;
    }

    private static List<RespValue> pairs(RespValue plain, String expected) {
        List<RespValue> flat = elements(plain, expected);
        if (flat.size() % 2 != 0) {
            throw new UnexpectedReplyException(expected, plain);
        }
        return flat;
    }

    private static boolean isAggregate(RespValue value) {
        RespValue plain = value.withoutAttributes();
        return plain instanceof RespValue.Array || plain instanceof RespValue.Set;
    }
}

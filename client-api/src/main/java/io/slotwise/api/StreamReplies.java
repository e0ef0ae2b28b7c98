package io.slotwise.api;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.ReplyDecoder;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.resp.RespValue;
import io.slotwise.value.StreamAutoClaim;
import io.slotwise.value.StreamEntry;
import io.slotwise.value.StreamId;
import io.slotwise.value.StreamPendingEntry;
import io.slotwise.value.StreamPendingSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoders of stream replies. Entries are {@code [id, [field, value, ...]]} in both protocols (the fields are {@code
 * null} for an entry deleted while pending); {@code XREAD} sends an array of {@code [stream, entries]} pairs in RESP2
 * and a map in RESP3, and null when nothing arrived; the other stream replies have one shape in both protocols, except
 * the {@code XINFO} replies (see {@link StreamInfoReplies}).
 */
final class StreamReplies {

    private StreamReplies() {}

    /** An entry ID sent as a bulk or simple string; null is unexpected. */
    static ReplyDecoder<StreamId> id() {
        return reply -> parsedId(reply, false);
    }

    /** An entry ID, or {@code null} for the null reply ({@code XADD ... NOMKSTREAM} on a missing stream). */
    static ReplyDecoder<StreamId> idOrNull() {
        return reply -> parsedId(reply, true);
    }

    /** One entry, or {@code null} for the null reply (an empty stream's first entry in {@code XINFO STREAM}). */
    static <K, V> ReplyDecoder<StreamEntry<K, V>> entryOrNull(RedisCodec<K, V> codec) {
        ReplyDecoder<Map<K, V>> fields = ReplyDecoders.map(ReplyDecoders.key(codec), ReplyDecoders.value(codec));
        return reply -> {
            if (reply.isNull()) {
                return null;
            }
            List<RespValue> parts = elements(reply, "a stream entry [id, fields]");
            if (parts.size() != 2) {
                throw new UnexpectedReplyException("a stream entry [id, fields]", reply);
            }
            StreamId id = parsedId(parts.get(0), false);
            Map<K, V> decoded = fields.decode(parts.get(1));
            if (decoded.containsValue(null)) {
                throw new UnexpectedReplyException("a stream entry without null values", reply.withoutAttributes());
            }
            return new StreamEntry<>(id, decoded);
        };
    }

    /** A list of entries; null elements (deleted entries in {@code XCLAIM} before Redis 7) are left out. */
    static <K, V> ReplyDecoder<List<StreamEntry<K, V>>> entries(RedisCodec<K, V> codec) {
        ReplyDecoder<StreamEntry<K, V>> entry = entryOrNull(codec);
        return reply -> {
            List<StreamEntry<K, V>> decoded = new ArrayList<>();
            for (RespValue element : elements(reply, "an array of stream entries")) {
                StreamEntry<K, V> one = entry.decode(element);
                if (one != null) {
                    decoded.add(one);
                }
            }
            return Collections.unmodifiableList(decoded);
        };
    }

    /** The entries per stream of {@code XREAD} and {@code XREADGROUP}; an empty map when nothing arrived in time. */
    static <K, V> ReplyDecoder<Map<K, List<StreamEntry<K, V>>>> read(RedisCodec<K, V> codec) {
        ReplyDecoder<K> streams = ReplyDecoders.key(codec);
        ReplyDecoder<List<StreamEntry<K, V>>> entries = entries(codec);
        ReplyDecoder<Map<K, List<StreamEntry<K, V>>>> resp3 = ReplyDecoders.map(streams, entries);
        return reply -> {
            if (reply.withoutAttributes() instanceof RespValue.Map) {
                return resp3.decode(reply);
            }
            Map<K, List<StreamEntry<K, V>>> decoded = new LinkedHashMap<>();
            for (RespValue element : elements(reply, "an array of [stream, entries] pairs")) {
                List<RespValue> pair = elements(element, "a [stream, entries] pair");
                K stream = pair.size() == 2 ? streams.decode(pair.get(0)) : null;
                if (stream == null) {
                    throw new UnexpectedReplyException("a [stream, entries] pair", element);
                }
                decoded.put(stream, entries.decode(pair.get(1)));
            }
            return Collections.unmodifiableMap(decoded);
        };
    }

    /** The summary form of {@code XPENDING}: {@code [count, lowest, highest, [[consumer, "count"], ...]]}. */
    static ReplyDecoder<StreamPendingSummary> pendingSummary() {
        return reply -> {
            List<RespValue> parts = elements(reply, "an XPENDING summary [count, lowest, highest, consumers]");
            if (parts.size() != 4) {
                throw new UnexpectedReplyException("an XPENDING summary [count, lowest, highest, consumers]", reply);
            }
            Map<String, Long> consumers = new LinkedHashMap<>();
            for (RespValue consumer : elements(parts.get(3), "an array of [consumer, count] pairs")) {
                List<RespValue> pair = elements(consumer, "a [consumer, count] pair");
                if (pair.size() != 2) {
                    throw new UnexpectedReplyException("a [consumer, count] pair", consumer);
                }
                consumers.put(text(pair.get(0)), number(pair.get(1)));
            }
            long count = number(parts.get(0));
            StreamId lowest = parsedId(parts.get(1), true);
            StreamId highest = parsedId(parts.get(2), true);
            if (count < 0 || (lowest == null) != (highest == null)) {
                throw new UnexpectedReplyException("an XPENDING summary [count, lowest, highest, consumers]", reply);
            }
            return new StreamPendingSummary(count, lowest, highest, consumers);
        };
    }

    /** The extended form of {@code XPENDING}: {@code [[id, consumer, idle-ms, deliveries], ...]}. */
    static ReplyDecoder<List<StreamPendingEntry>> pendingEntries() {
        return ReplyDecoders.list(reply -> {
            List<RespValue> parts = elements(reply, "a pending entry [id, consumer, idle, deliveries]");
            if (parts.size() != 4) {
                throw new UnexpectedReplyException("a pending entry [id, consumer, idle, deliveries]", reply);
            }
            return new StreamPendingEntry(
                    parsedId(parts.get(0), false),
                    text(parts.get(1)),
                    Duration.ofMillis(number(parts.get(2))),
                    number(parts.get(3)));
        });
    }

    /** {@code XAUTOCLAIM}: {@code [next, claimed, deleted]}; servers before Redis 7 send no deleted IDs. */
    static <T> ReplyDecoder<StreamAutoClaim<T>> autoClaim(ReplyDecoder<List<T>> claimed) {
        return reply -> {
            List<RespValue> parts = elements(reply, "an XAUTOCLAIM reply [next, claimed, deleted]");
            if (parts.size() != 2 && parts.size() != 3) {
                throw new UnexpectedReplyException("an XAUTOCLAIM reply [next, claimed, deleted]", reply);
            }
            List<StreamId> deleted =
                    parts.size() == 3 ? ReplyDecoders.list(id()).decode(parts.get(2)) : List.of();
            return new StreamAutoClaim<>(parsedId(parts.get(0), false), claimed.decode(parts.get(1)), deleted);
        };
    }

    /** The elements of an array or RESP3 set; an empty list for null. */
    static List<RespValue> elements(RespValue reply, String expected) {
        return ReplyDecoders.elements(reply, expected);
    }

    /** Text that must be present (a consumer or group name). */
    static String text(RespValue reply) {
        String text = ReplyDecoders.text().decode(reply);
        if (text == null) {
            throw new UnexpectedReplyException("a string", reply);
        }
        return text;
    }

    /** An integer sent as an integer reply or as text (XPENDING's per-consumer counts are bulk strings). */
    static long number(RespValue reply) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Int integer) {
            return integer.value();
        }
        String text = ReplyDecoders.text().decode(plain);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new UnexpectedReplyException("an integer", plain);
        }
    }

    /** An integer, or {@code null} for the null reply (XINFO GROUPS' lag and entries-read when unknown). */
    static Long numberOrNull(RespValue reply) {
        return reply.isNull() ? null : number(reply);
    }

    static StreamId parsedId(RespValue reply, boolean nullAllowed) {
        if (nullAllowed && reply.isNull()) {
            return null;
        }
        String text = ReplyDecoders.text().decode(reply);
        if (text == null) {
            throw new UnexpectedReplyException("a stream ID", reply);
        }
        try {
            return StreamId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UnexpectedReplyException("a stream ID", reply.withoutAttributes());
        }
    }
}

package io.slotwise.api;

import static io.slotwise.api.StreamReplies.number;
import static io.slotwise.api.StreamReplies.numberOrNull;
import static io.slotwise.api.StreamReplies.parsedId;

import io.slotwise.UnexpectedReplyException;
import io.slotwise.codec.RedisCodec;
import io.slotwise.command.ReplyDecoder;
import io.slotwise.command.ReplyDecoders;
import io.slotwise.resp.RespValue;
import io.slotwise.value.StreamConsumerInfo;
import io.slotwise.value.StreamEntry;
import io.slotwise.value.StreamGroupInfo;
import io.slotwise.value.StreamInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Decoders of the {@code XINFO} replies: named fields, sent as a flat array of alternating names and values in RESP2
 * and as a map in RESP3. Fields a decoder does not know are ignored (newer servers add some); fields added in Redis 7.0
 * decode to {@code null} when missing; other missing fields are unexpected.
 */
final class StreamInfoReplies {

    private static final ReplyDecoder<Map<String, RespValue>> FIELDS =
            ReplyDecoders.map(ReplyDecoders.text(), ReplyDecoders.raw());

    private StreamInfoReplies() {}

    static <K, V> ReplyDecoder<StreamInfo<K, V>> stream(RedisCodec<K, V> codec) {
        ReplyDecoder<StreamEntry<K, V>> entry = StreamReplies.entryOrNull(codec);
        return reply -> {
            Map<String, RespValue> fields = fields(reply, "XINFO STREAM");
            return new StreamInfo<>(
                    number(required(fields, "length", reply)),
                    number(required(fields, "radix-tree-keys", reply)),
                    number(required(fields, "radix-tree-nodes", reply)),
                    parsedId(required(fields, "last-generated-id", reply), false),
                    parsedId(optional(fields, "max-deleted-entry-id"), true),
                    numberOrNull(optional(fields, "entries-added")),
                    parsedId(optional(fields, "recorded-first-entry-id"), true),
                    number(required(fields, "groups", reply)),
                    entry.decode(optional(fields, "first-entry")),
                    entry.decode(optional(fields, "last-entry")));
        };
    }

    static ReplyDecoder<List<StreamGroupInfo>> groups() {
        return ReplyDecoders.list(reply -> {
            Map<String, RespValue> fields = fields(reply, "XINFO GROUPS");
            return new StreamGroupInfo(
                    StreamReplies.text(required(fields, "name", reply)),
                    number(required(fields, "consumers", reply)),
                    number(required(fields, "pending", reply)),
                    parsedId(required(fields, "last-delivered-id", reply), false),
                    numberOrNull(optional(fields, "entries-read")),
                    numberOrNull(optional(fields, "lag")));
        });
    }

    static ReplyDecoder<List<StreamConsumerInfo>> consumers() {
        return ReplyDecoders.list(reply -> {
            Map<String, RespValue> fields = fields(reply, "XINFO CONSUMERS");
            Long inactive = numberOrNull(optional(fields, "inactive"));
            return new StreamConsumerInfo(
                    StreamReplies.text(required(fields, "name", reply)),
                    number(required(fields, "pending", reply)),
                    Duration.ofMillis(number(required(fields, "idle", reply))),
                    inactive == null || inactive < 0 ? null : Duration.ofMillis(inactive));
        });
    }

    private static Map<String, RespValue> fields(RespValue reply, String command) {
        if (reply.isNull()) {
            throw new UnexpectedReplyException("the fields of " + command, reply);
        }
        return FIELDS.decode(reply);
    }

    private static RespValue required(Map<String, RespValue> fields, String name, RespValue reply) {
        RespValue value = fields.get(name);
        if (value == null) {
            throw new UnexpectedReplyException("a field '" + name + "'", reply.withoutAttributes());
        }
        return value;
    }

    private static RespValue optional(Map<String, RespValue> fields, String name) {
        RespValue value = fields.get(name);
        return value == null ? RespValue.Null.INSTANCE : value;
    }
}

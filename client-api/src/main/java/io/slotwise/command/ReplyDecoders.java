package io.slotwise.command;

import io.slotwise.codec.RedisCodec;
import io.slotwise.resp.RespValue;
import io.slotwise.value.KeyValue;
import io.slotwise.value.ScanPage;
import io.slotwise.value.ScoredValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stock {@link ReplyDecoder}s. Each accepts the RESP2 and the RESP3 form of its reply, ignores attributes, and
 * throws {@link io.slotwise.UnexpectedReplyException} for any other type. Collections returned by decoders are
 * unmodifiable and keep the reply's order. All decoders are stateless and thread-safe.
 */
public final class ReplyDecoders {

    private ReplyDecoders() {}

    /**
     * The reply itself, undecoded: for ad-hoc commands and script results.
     *
     * @return a decoder returning its input
     */
    public static ReplyDecoder<RespValue> raw() {
        return reply -> reply;
    }

    /**
     * A value: a bulk string decoded with the codec; {@code null} for the null reply ({@code GET} of a missing key).
     *
     * @param codec the codec
     * @param <V> the value type
     * @return the decoder
     */
    public static <V> ReplyDecoder<V> value(RedisCodec<?, V> codec) {
        return ScalarDecoders.value(Objects.requireNonNull(codec, "codec"));
    }

    /**
     * A key: a bulk string decoded with the codec; {@code null} for the null reply ({@code RANDOMKEY} on an empty node).
     *
     * @param codec the codec
     * @param <K> the key type
     * @return the decoder
     */
    public static <K> ReplyDecoder<K> key(RedisCodec<K, ?> codec) {
        return ScalarDecoders.key(Objects.requireNonNull(codec, "codec"));
    }

    /**
     * Raw bytes of a bulk string, {@code null} for the null reply ({@code DUMP}).
     *
     * @return the decoder; each call of it returns a fresh array
     */
    public static ReplyDecoder<byte[]> bytes() {
        return reply -> ScalarDecoders.bulkOrNull(reply, "a bulk string or null");
    }

    /**
     * Text: a simple string, a bulk string (UTF-8) or a RESP3 verbatim string (its text, without the format);
     * {@code null} for the null reply ({@code TYPE}, {@code PING}, {@code INFO}, {@code SCRIPT LOAD}).
     *
     * @return the decoder
     */
    public static ReplyDecoder<String> text() {
        return ScalarDecoders::text;
    }

    /**
     * The status reply {@code +OK}, returned as the string {@code "OK"} (so that existing code comparing with
     * {@code "OK"} keeps working). Any other reply, another status included, is unexpected.
     *
     * @return the decoder
     */
    public static ReplyDecoder<String> ok() {
        return reply -> ScalarDecoders.ok(reply, false);
    }

    /**
     * {@code "OK"}, or {@code null} when the server answers null because a condition was not met ({@code SET ... NX}
     * on an existing key).
     *
     * @return the decoder
     */
    public static ReplyDecoder<String> okOrNull() {
        return reply -> ScalarDecoders.ok(reply, true);
    }

    /**
     * An integer reply. Null is unexpected.
     *
     * @return the decoder; never returns {@code null}
     */
    public static ReplyDecoder<Long> integer() {
        return reply -> ScalarDecoders.integer(reply, false);
    }

    /**
     * An integer reply, or {@code null} for the null reply ({@code ZRANK} of a missing member, {@code LPOS} without a
     * match).
     *
     * @return the decoder
     */
    public static ReplyDecoder<Long> integerOrNull() {
        return reply -> ScalarDecoders.integer(reply, true);
    }

    /**
     * A flag: the integer 1 or 0, or a RESP3 boolean. Other integers are unexpected.
     *
     * @return the decoder; never returns {@code null}
     */
    public static ReplyDecoder<Boolean> bool() {
        return ScalarDecoders::bool;
    }

    /**
     * A floating-point number: a bulk string ({@code "1.5"}, {@code "inf"}), a RESP3 double, or an integer;
     * {@code null} for the null reply ({@code ZSCORE} of a missing member).
     *
     * @return the decoder
     */
    public static ReplyDecoder<Double> doubleValue() {
        return ScalarDecoders::doubleValue;
    }

    /**
     * The reply of {@code TIME}: seconds and microseconds as an instant.
     *
     * @return the decoder
     */
    public static ReplyDecoder<Instant> time() {
        return ScalarDecoders::time;
    }

    /**
     * The elements of an array or RESP3 set reply, for decoders of composite replies.
     *
     * @param reply the reply
     * @param expected what the reply should be, for the error message
     * @return its elements; an empty list for a null reply
     * @throws io.slotwise.UnexpectedReplyException if the reply is neither
     */
    public static List<RespValue> elements(RespValue reply, String expected) {
        return AggregateDecoders.elements(reply, expected);
    }

    /**
     * A list: an array or a RESP3 set, each element decoded; an empty list for the null reply ({@code LPOP key count}
     * on a missing key). Elements may be {@code null} where the element decoder allows it ({@code MGET}).
     *
     * @param element the element decoder
     * @param <T> the element type
     * @return the decoder
     */
    public static <T> ReplyDecoder<List<T>> list(ReplyDecoder<T> element) {
        Objects.requireNonNull(element, "element");
        return reply -> AggregateDecoders.list(reply, element);
    }

    /**
     * A set: an array or a RESP3 set, each element decoded, in reply order, duplicates dropped; an empty set for the
     * null reply.
     *
     * @param element the element decoder
     * @param <T> the element type
     * @return the decoder
     */
    public static <T> ReplyDecoder<Set<T>> set(ReplyDecoder<T> element) {
        Objects.requireNonNull(element, "element");
        return reply -> AggregateDecoders.set(reply, element);
    }

    /**
     * A map: a RESP3 map or a RESP2 flat array of alternating keys and values ({@code HGETALL}), in reply order; an
     * empty map for the null reply. A repeated key keeps its last value.
     *
     * @param keys the key decoder; a key decoded to {@code null} is unexpected
     * @param values the value decoder
     * @param <K> the key type
     * @param <V> the value type
     * @return the decoder
     */
    public static <K, V> ReplyDecoder<Map<K, V>> map(ReplyDecoder<K> keys, ReplyDecoder<V> values) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        return reply -> AggregateDecoders.map(reply, keys, values);
    }

    /**
     * Key-value pairs as a list, repeated keys kept: a flat array of alternating keys and values, or a RESP3 map
     * ({@code HSCAN}'s elements).
     *
     * @param keys the key decoder
     * @param values the value decoder
     * @param <K> the key type
     * @param <V> the value type
     * @return the decoder
     */
    public static <K, V> ReplyDecoder<List<KeyValue<K, V>>> keyValues(ReplyDecoder<K> keys, ReplyDecoder<V> values) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        return reply -> AggregateDecoders.keyValues(reply, keys, values);
    }

    /**
     * One key with a value, sent as a two-element array ({@code BLPOP}); {@code null} for the null reply (the blocking
     * timeout expired).
     *
     * @param keys the key decoder
     * @param values the value decoder
     * @param <K> the key type
     * @param <V> the value type
     * @return the decoder
     */
    public static <K, V> ReplyDecoder<KeyValue<K, V>> keyValue(ReplyDecoder<K> keys, ReplyDecoder<V> values) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        return reply -> AggregateDecoders.keyValue(reply, keys, values);
    }

    /**
     * Members with scores ({@code ZRANGE ... WITHSCORES}, {@code ZPOPMIN key count}, {@code ZSCAN}'s elements): RESP2
     * flat pairs with scores as bulk strings, or RESP3 nested pairs with scores as doubles.
     *
     * @param members the member decoder
     * @param <V> the member type
     * @return the decoder
     */
    public static <V> ReplyDecoder<List<ScoredValue<V>>> scoredValues(ReplyDecoder<V> members) {
        Objects.requireNonNull(members, "members");
        return reply -> AggregateDecoders.scoredValues(reply, members);
    }

    /**
     * At most one member with its score ({@code ZPOPMIN key}): a flat or nested pair, or {@code null} for an empty
     * array or the null reply.
     *
     * @param members the member decoder
     * @param <V> the member type
     * @return the decoder
     */
    public static <V> ReplyDecoder<ScoredValue<V>> scoredValue(ReplyDecoder<V> members) {
        Objects.requireNonNull(members, "members");
        return reply -> AggregateDecoders.scoredValue(reply, members);
    }

    /**
     * One page of an incremental scan: a two-element array of the next cursor and the page's elements.
     *
     * @param elements the decoder for the elements array
     * @param <T> the element type
     * @return the decoder
     */
    public static <T> ReplyDecoder<ScanPage<T>> scanPage(ReplyDecoder<List<T>> elements) {
        Objects.requireNonNull(elements, "elements");
        return reply -> AggregateDecoders.scanPage(reply, elements);
    }
}

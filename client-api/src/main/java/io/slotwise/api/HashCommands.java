package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.bool;
import static io.slotwise.command.ReplyDecoders.doubleValue;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.key;
import static io.slotwise.command.ReplyDecoders.keyValues;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.map;
import static io.slotwise.command.ReplyDecoders.scanPage;
import static io.slotwise.command.ReplyDecoders.value;

import io.slotwise.api.args.ScanArgs;
import io.slotwise.value.KeyValue;
import io.slotwise.value.ScanPage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Commands on hashes. Fields are encoded and decoded with the key codec, values with the value codec. See
 * {@link CommandExecutor} for the error contract.
 *
 * @param <K> the key (and field) type
 * @param <V> the value type
 */
public interface HashCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code HSET key field value}.
     *
     * @param key the key
     * @param field the field
     * @param value the value
     * @return 1 if the field is new, 0 if its value was updated
     */
    default CompletionStage<Long> hset(K key, K field, V value) {
        return execute(command("HSET").key(key).field(field).value(value).decodedBy(integer()));
    }

    /**
     * {@code HSET key field value...}.
     *
     * @param key the key
     * @param fields the fields and values, at least one, sent in iteration order
     * @return the number of fields that were added (not updated)
     */
    default CompletionStage<Long> hset(K key, Map<K, V> fields) {
        return execute(command("HSET").key(key).fieldValues(fields).decodedBy(integer()));
    }

    /**
     * {@code HSETNX key field value}.
     *
     * @param key the key
     * @param field the field
     * @param value the value
     * @return {@code true} if the field was set, {@code false} if it already existed
     */
    default CompletionStage<Boolean> hsetnx(K key, K field, V value) {
        return execute(command("HSETNX").key(key).field(field).value(value).decodedBy(bool()));
    }

    /**
     * {@code HGET key field}.
     *
     * @param key the key
     * @param field the field
     * @return the value, or {@code null} if the field or the key does not exist
     */
    default CompletionStage<V> hget(K key, K field) {
        return execute(command("HGET").key(key).field(field).traits(READ_ONLY).decodedBy(value(codec())));
    }

    /**
     * {@code HMGET key field...}.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return one value per field, in order, {@code null} for missing fields
     */
    default CompletionStage<List<V>> hmget(K key, List<K> fields) {
        return execute(
                command("HMGET").key(key).fields(fields).traits(READ_ONLY).decodedBy(list(value(codec()))));
    }

    /**
     * {@code HGETALL key}.
     *
     * @param key the key
     * @return the fields and values in reply order; empty if the key does not exist
     */
    default CompletionStage<Map<K, V>> hgetall(K key) {
        return execute(command("HGETALL").key(key).traits(READ_ONLY).decodedBy(map(key(codec()), value(codec()))));
    }

    /**
     * {@code HDEL key field}.
     *
     * @param key the key
     * @param field the field
     * @return 1 if the field was removed, 0 if it did not exist
     */
    default CompletionStage<Long> hdel(K key, K field) {
        return hdel(key, List.of(field));
    }

    /**
     * {@code HDEL key field...}.
     *
     * @param key the key
     * @param fields the fields, at least one
     * @return the number of fields removed
     */
    default CompletionStage<Long> hdel(K key, List<K> fields) {
        return execute(command("HDEL").key(key).fields(fields).decodedBy(integer()));
    }

    /**
     * {@code HEXISTS key field}.
     *
     * @param key the key
     * @param field the field
     * @return {@code true} if the field exists
     */
    default CompletionStage<Boolean> hexists(K key, K field) {
        return execute(
                command("HEXISTS").key(key).field(field).traits(READ_ONLY).decodedBy(bool()));
    }

    /**
     * {@code HINCRBY key field increment}.
     *
     * @param key the key
     * @param field the field
     * @param increment the amount to add
     * @return the value after the increment
     */
    default CompletionStage<Long> hincrby(K key, K field, long increment) {
        return execute(command("HINCRBY").key(key).field(field).arg(increment).decodedBy(integer()));
    }

    /**
     * {@code HINCRBYFLOAT key field increment}.
     *
     * @param key the key
     * @param field the field
     * @param increment the amount to add, finite
     * @return the value after the increment
     */
    default CompletionStage<Double> hincrbyfloat(K key, K field, double increment) {
        return execute(
                command("HINCRBYFLOAT").key(key).field(field).arg(increment).decodedBy(doubleValue()));
    }

    /**
     * {@code HLEN key}.
     *
     * @param key the key
     * @return the number of fields, 0 if the key does not exist
     */
    default CompletionStage<Long> hlen(K key) {
        return execute(command("HLEN").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code HKEYS key}.
     *
     * @param key the key
     * @return the fields; empty if the key does not exist
     */
    default CompletionStage<List<K>> hkeys(K key) {
        return execute(command("HKEYS").key(key).traits(READ_ONLY).decodedBy(list(key(codec()))));
    }

    /**
     * {@code HVALS key}.
     *
     * @param key the key
     * @return the values; empty if the key does not exist
     */
    default CompletionStage<List<V>> hvals(K key) {
        return execute(command("HVALS").key(key).traits(READ_ONLY).decodedBy(list(value(codec()))));
    }

    /**
     * {@code HSTRLEN key field}.
     *
     * @param key the key
     * @param field the field
     * @return the length of the field's value in bytes, 0 if it does not exist
     */
    default CompletionStage<Long> hstrlen(K key, K field) {
        return execute(
                command("HSTRLEN").key(key).field(field).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code HSCAN key cursor}.
     *
     * @param key the key
     * @param cursor {@link ScanPage#INITIAL_CURSOR} to start, then the cursor of the previous page
     * @return a page of fields with their values
     */
    default CompletionStage<ScanPage<KeyValue<K, V>>> hscan(K key, String cursor) {
        return hscan(key, cursor, ScanArgs.none());
    }

    /**
     * {@code HSCAN key cursor [MATCH pattern] [COUNT count]}.
     *
     * @param key the key
     * @param cursor {@link ScanPage#INITIAL_CURSOR} to start, then the cursor of the previous page
     * @param args match and count; {@code TYPE} is not accepted
     * @return a page of fields with their values
     */
    default CompletionStage<ScanPage<KeyValue<K, V>>> hscan(K key, String cursor, ScanArgs args) {
        return execute(command("HSCAN")
                .key(key)
                .arg(cursor)
                .args(ArgumentChecks.elementScan("HSCAN", args))
                .traits(READ_ONLY)
                .decodedBy(scanPage(keyValues(key(codec()), value(codec())))));
    }
}

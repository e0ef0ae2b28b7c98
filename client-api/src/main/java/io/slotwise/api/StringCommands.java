package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.bool;
import static io.slotwise.command.ReplyDecoders.doubleValue;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.ok;
import static io.slotwise.command.ReplyDecoders.okOrNull;
import static io.slotwise.command.ReplyDecoders.value;

import io.slotwise.api.args.Expiry;
import io.slotwise.api.args.SetOptions;
import io.slotwise.command.ReplyMerger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Commands on string values. {@code MGET} and {@code MSET} with keys in several slots are split into one command per
 * slot and merged back (not atomic across slots); {@code MSETNX} must have all keys in one slot. See
 * {@link CommandExecutor} for the error contract.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface StringCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code GET key}.
     *
     * @param key the key
     * @return the value, or {@code null} if the key does not exist
     */
    default CompletionStage<V> get(K key) {
        return execute(command("GET").key(key).traits(READ_ONLY).decodedBy(value(codec())));
    }

    /**
     * {@code SET key value}.
     *
     * @param key the key
     * @param value the value
     * @return {@code "OK"}
     */
    default CompletionStage<String> set(K key, V value) {
        return execute(command("SET").key(key).value(value).decodedBy(ok()));
    }

    /**
     * {@code SET key value [NX|XX] [expiry]}.
     *
     * @param key the key
     * @param value the value
     * @param options condition and expiry
     * @return {@code "OK"}, or {@code null} when an {@code NX}/{@code XX} condition was not met
     */
    default CompletionStage<String> set(K key, V value, SetOptions options) {
        return execute(
                command("SET").key(key).value(value).args(options.arguments()).decodedBy(okOrNull()));
    }

    /**
     * {@code SET key value GET}: sets the value and returns the previous one.
     *
     * @param key the key
     * @param value the new value
     * @return the previous value, or {@code null} if the key did not exist
     */
    default CompletionStage<V> setGet(K key, V value) {
        return execute(command("SET").key(key).value(value).arg("GET").decodedBy(value(codec())));
    }

    /**
     * {@code SET key value [NX|XX] [expiry] GET}.
     *
     * @param key the key
     * @param value the new value
     * @param options condition and expiry
     * @return the previous value, or {@code null} if the key did not exist (whether or not the value was set)
     */
    default CompletionStage<V> setGet(K key, V value, SetOptions options) {
        return execute(command("SET")
                .key(key)
                .value(value)
                .args(options.arguments())
                .arg("GET")
                .decodedBy(value(codec())));
    }

    /**
     * {@code SETNX key value}.
     *
     * @param key the key
     * @param value the value
     * @return {@code true} if the key was set, {@code false} if it already existed
     */
    default CompletionStage<Boolean> setnx(K key, V value) {
        return execute(command("SETNX").key(key).value(value).decodedBy(bool()));
    }

    /**
     * {@code SETEX key seconds value}.
     *
     * @param key the key
     * @param seconds the time to live in seconds, {@code > 0}
     * @param value the value
     * @return {@code "OK"}
     */
    default CompletionStage<String> setex(K key, long seconds, V value) {
        return execute(command("SETEX").key(key).arg(seconds).value(value).decodedBy(ok()));
    }

    /**
     * {@code PSETEX key milliseconds value}.
     *
     * @param key the key
     * @param milliseconds the time to live in milliseconds, {@code > 0}
     * @param value the value
     * @return {@code "OK"}
     */
    default CompletionStage<String> psetex(K key, long milliseconds, V value) {
        return execute(command("PSETEX").key(key).arg(milliseconds).value(value).decodedBy(ok()));
    }

    /**
     * {@code GETSET key value} (deprecated by Redis in favour of {@link #setGet(Object, Object)}).
     *
     * @param key the key
     * @param value the new value
     * @return the previous value, or {@code null}
     */
    default CompletionStage<V> getset(K key, V value) {
        return execute(command("GETSET").key(key).value(value).decodedBy(value(codec())));
    }

    /**
     * {@code GETDEL key}.
     *
     * @param key the key
     * @return the value the key had before it was deleted, or {@code null}
     */
    default CompletionStage<V> getdel(K key) {
        return execute(command("GETDEL").key(key).decodedBy(value(codec())));
    }

    /**
     * {@code GETEX key expiry}: returns the value and changes the key's expiry.
     *
     * @param key the key
     * @param expiry any expiry but {@link Expiry#keepTtl()}; {@link Expiry#persist()} removes the expiry
     * @return the value, or {@code null}
     */
    default CompletionStage<V> getex(K key, Expiry expiry) {
        return execute(command("GETEX")
                .key(key)
                .args(ArgumentChecks.getExExpiry(expiry))
                .decodedBy(value(codec())));
    }

    /**
     * {@code MGET key...}; split by slot when the keys span several slots.
     *
     * @param keys the keys, at least one; duplicates allowed
     * @return one value per key in the caller's order, {@code null} for missing keys
     */
    default CompletionStage<List<V>> mget(List<K> keys) {
        return execute(command("MGET")
                .keys(keys)
                .traits(READ_ONLY)
                .split(1, ReplyMerger.IN_CALLER_ORDER)
                .decodedBy(list(value(codec()))));
    }

    /**
     * {@code MGET key...} with the keys as arguments; the same command as {@link #mget(List)}.
     *
     * @param keys the keys, at least one
     * @return one value per key in the caller's order, {@code null} for missing keys
     */
    @SuppressWarnings("unchecked")
    default CompletionStage<List<V>> mget(K... keys) {
        return mget(Arrays.asList(keys));
    }

    /**
     * {@code MSET key value...}; split by slot when the keys span several slots, in which case it is not atomic.
     *
     * @param pairs the keys and values, at least one, sent in iteration order
     * @return {@code "OK"}
     */
    default CompletionStage<String> mset(Map<K, V> pairs) {
        return execute(
                command("MSET").keyValues(pairs).split(2, ReplyMerger.ALL_OK).decodedBy(ok()));
    }

    /**
     * {@code MSETNX key value...}: all or nothing, so all keys must hash to one slot.
     *
     * @param pairs the keys and values, at least one
     * @return {@code true} if all keys were set, {@code false} if none was (one existed)
     * @throws io.slotwise.CrossSlotException at once if the keys span several slots
     */
    default CompletionStage<Boolean> msetnx(Map<K, V> pairs) {
        return execute(command("MSETNX").keyValues(pairs).decodedBy(bool()));
    }

    /**
     * {@code INCR key}.
     *
     * @param key the key
     * @return the value after the increment
     */
    default CompletionStage<Long> incr(K key) {
        return execute(command("INCR").key(key).decodedBy(integer()));
    }

    /**
     * {@code INCRBY key increment}.
     *
     * @param key the key
     * @param increment the amount to add
     * @return the value after the increment
     */
    default CompletionStage<Long> incrby(K key, long increment) {
        return execute(command("INCRBY").key(key).arg(increment).decodedBy(integer()));
    }

    /**
     * {@code INCRBYFLOAT key increment}.
     *
     * @param key the key
     * @param increment the amount to add, finite
     * @return the value after the increment
     */
    default CompletionStage<Double> incrbyfloat(K key, double increment) {
        return execute(command("INCRBYFLOAT").key(key).arg(increment).decodedBy(doubleValue()));
    }

    /**
     * {@code DECR key}.
     *
     * @param key the key
     * @return the value after the decrement
     */
    default CompletionStage<Long> decr(K key) {
        return execute(command("DECR").key(key).decodedBy(integer()));
    }

    /**
     * {@code DECRBY key decrement}.
     *
     * @param key the key
     * @param decrement the amount to subtract
     * @return the value after the decrement
     */
    default CompletionStage<Long> decrby(K key, long decrement) {
        return execute(command("DECRBY").key(key).arg(decrement).decodedBy(integer()));
    }

    /**
     * {@code APPEND key value}.
     *
     * @param key the key
     * @param value the bytes to append
     * @return the length of the string after the append
     */
    default CompletionStage<Long> append(K key, V value) {
        return execute(command("APPEND").key(key).value(value).decodedBy(integer()));
    }

    /**
     * {@code STRLEN key}.
     *
     * @param key the key
     * @return the length in bytes, 0 if the key does not exist
     */
    default CompletionStage<Long> strlen(K key) {
        return execute(command("STRLEN").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code GETRANGE key start end}, both ends included; negative offsets count from the end.
     *
     * @param key the key
     * @param start the first byte offset
     * @param end the last byte offset
     * @return the substring, empty if out of range or the key does not exist
     */
    default CompletionStage<V> getrange(K key, long start, long end) {
        return execute(command("GETRANGE")
                .key(key)
                .arg(start)
                .arg(end)
                .traits(READ_ONLY)
                .decodedBy(value(codec())));
    }

    /**
     * {@code SETRANGE key offset value}.
     *
     * @param key the key
     * @param offset the byte offset at which to write, {@code >= 0}
     * @param value the bytes to write
     * @return the length of the string after the write
     */
    default CompletionStage<Long> setrange(K key, long offset, V value) {
        return execute(command("SETRANGE").key(key).arg(offset).value(value).decodedBy(integer()));
    }
}

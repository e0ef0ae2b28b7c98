package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.bool;
import static io.slotwise.command.ReplyDecoders.bytes;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.key;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.ok;
import static io.slotwise.command.ReplyDecoders.text;

import io.slotwise.api.args.ExpireCondition;
import io.slotwise.command.ReplyMerger;
import io.slotwise.command.Routing;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Commands on keys of any type. {@code DEL}, {@code UNLINK}, {@code EXISTS} and {@code TOUCH} with keys in several
 * slots are split by slot and their counts summed. {@code RENAME}, {@code RENAMENX} and {@code COPY} need both keys in
 * one slot. {@code KEYS} asks every primary; {@code RANDOMKEY} asks one node. See {@link CommandExecutor} for the
 * error contract.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KeyCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code DEL key}.
     *
     * @param key the key
     * @return the number of keys deleted, 0 or 1
     */
    default CompletionStage<Long> del(K key) {
        return del(List.of(key));
    }

    /**
     * {@code DEL key...}; split by slot when needed.
     *
     * @param keys the keys, at least one
     * @return the number of keys deleted
     */
    default CompletionStage<Long> del(List<K> keys) {
        return execute(command("DEL").keys(keys).split(1, ReplyMerger.SUM).decodedBy(integer()));
    }

    /**
     * {@code DEL key...} with the keys as arguments; the same command as {@link #del(List)}.
     *
     * @param keys the keys, at least one
     * @return the number of keys deleted
     */
    @SuppressWarnings("unchecked")
    default CompletionStage<Long> del(K... keys) {
        return del(Arrays.asList(keys));
    }

    /**
     * {@code UNLINK key...}: like {@code DEL}, reclaiming memory in the background; split by slot when needed.
     *
     * @param keys the keys, at least one
     * @return the number of keys unlinked
     */
    default CompletionStage<Long> unlink(List<K> keys) {
        return execute(command("UNLINK").keys(keys).split(1, ReplyMerger.SUM).decodedBy(integer()));
    }

    /**
     * {@code UNLINK key...} with the keys as arguments; the same command as {@link #unlink(List)}.
     *
     * @param keys the keys, at least one
     * @return the number of keys unlinked
     */
    @SuppressWarnings("unchecked")
    default CompletionStage<Long> unlink(K... keys) {
        return unlink(Arrays.asList(keys));
    }

    /**
     * {@code EXISTS key}.
     *
     * @param key the key
     * @return 1 if the key exists, 0 otherwise
     */
    default CompletionStage<Long> exists(K key) {
        return exists(List.of(key));
    }

    /**
     * {@code EXISTS key...}; split by slot when needed.
     *
     * @param keys the keys, at least one; a key given twice counts twice
     * @return how many of the keys exist
     */
    default CompletionStage<Long> exists(List<K> keys) {
        return execute(command("EXISTS")
                .keys(keys)
                .traits(READ_ONLY)
                .split(1, ReplyMerger.SUM)
                .decodedBy(integer()));
    }

    /**
     * {@code EXISTS key...} with the keys as arguments; the same command as {@link #exists(List)}.
     *
     * @param keys the keys, at least one
     * @return how many of the keys exist
     */
    @SuppressWarnings("unchecked")
    default CompletionStage<Long> exists(K... keys) {
        return exists(Arrays.asList(keys));
    }

    /**
     * {@code TOUCH key...}: updates the last access time; split by slot when needed.
     *
     * @param keys the keys, at least one
     * @return how many of the keys exist
     */
    default CompletionStage<Long> touch(List<K> keys) {
        return execute(command("TOUCH").keys(keys).split(1, ReplyMerger.SUM).decodedBy(integer()));
    }

    /**
     * {@code TOUCH key...} with the keys as arguments; the same command as {@link #touch(List)}.
     *
     * @param keys the keys, at least one
     * @return how many of the keys exist
     */
    @SuppressWarnings("unchecked")
    default CompletionStage<Long> touch(K... keys) {
        return touch(Arrays.asList(keys));
    }

    /**
     * {@code TYPE key}.
     *
     * @param key the key
     * @return {@code string}, {@code list}, {@code set}, {@code zset}, {@code hash}, {@code stream}, or {@code none}
     */
    default CompletionStage<String> type(K key) {
        return execute(command("TYPE").key(key).traits(READ_ONLY).decodedBy(text()));
    }

    /**
     * {@code EXPIRE key seconds}.
     *
     * @param key the key
     * @param seconds the time to live; zero or negative deletes the key
     * @return {@code true} if the expiry was set, {@code false} if the key does not exist
     */
    default CompletionStage<Boolean> expire(K key, long seconds) {
        return execute(command("EXPIRE").key(key).arg(seconds).decodedBy(bool()));
    }

    /**
     * {@code EXPIRE key seconds NX|XX|GT|LT}.
     *
     * @param key the key
     * @param seconds the time to live
     * @param condition when to apply it
     * @return {@code true} if the expiry was set, {@code false} if the key does not exist or the condition failed
     */
    default CompletionStage<Boolean> expire(K key, long seconds, ExpireCondition condition) {
        return execute(
                command("EXPIRE").key(key).arg(seconds).arg(condition.name()).decodedBy(bool()));
    }

    /**
     * {@code PEXPIRE key milliseconds}.
     *
     * @param key the key
     * @param milliseconds the time to live
     * @return {@code true} if the expiry was set, {@code false} if the key does not exist
     */
    default CompletionStage<Boolean> pexpire(K key, long milliseconds) {
        return execute(command("PEXPIRE").key(key).arg(milliseconds).decodedBy(bool()));
    }

    /**
     * {@code PEXPIRE key milliseconds NX|XX|GT|LT}.
     *
     * @param key the key
     * @param milliseconds the time to live
     * @param condition when to apply it
     * @return {@code true} if the expiry was set
     */
    default CompletionStage<Boolean> pexpire(K key, long milliseconds, ExpireCondition condition) {
        return execute(command("PEXPIRE")
                .key(key)
                .arg(milliseconds)
                .arg(condition.name())
                .decodedBy(bool()));
    }

    /**
     * {@code EXPIREAT key unix-time-seconds}.
     *
     * @param key the key
     * @param unixSeconds when the key expires; a past time deletes it
     * @return {@code true} if the expiry was set, {@code false} if the key does not exist
     */
    default CompletionStage<Boolean> expireat(K key, long unixSeconds) {
        return execute(command("EXPIREAT").key(key).arg(unixSeconds).decodedBy(bool()));
    }

    /**
     * {@code EXPIREAT key unix-time-seconds NX|XX|GT|LT}.
     *
     * @param key the key
     * @param unixSeconds when the key expires
     * @param condition when to apply it
     * @return {@code true} if the expiry was set
     */
    default CompletionStage<Boolean> expireat(K key, long unixSeconds, ExpireCondition condition) {
        return execute(command("EXPIREAT")
                .key(key)
                .arg(unixSeconds)
                .arg(condition.name())
                .decodedBy(bool()));
    }

    /**
     * {@code PEXPIREAT key unix-time-milliseconds}.
     *
     * @param key the key
     * @param unixMilliseconds when the key expires
     * @return {@code true} if the expiry was set, {@code false} if the key does not exist
     */
    default CompletionStage<Boolean> pexpireat(K key, long unixMilliseconds) {
        return execute(command("PEXPIREAT").key(key).arg(unixMilliseconds).decodedBy(bool()));
    }

    /**
     * {@code PEXPIREAT key unix-time-milliseconds NX|XX|GT|LT}.
     *
     * @param key the key
     * @param unixMilliseconds when the key expires
     * @param condition when to apply it
     * @return {@code true} if the expiry was set
     */
    default CompletionStage<Boolean> pexpireat(K key, long unixMilliseconds, ExpireCondition condition) {
        return execute(command("PEXPIREAT")
                .key(key)
                .arg(unixMilliseconds)
                .arg(condition.name())
                .decodedBy(bool()));
    }

    /**
     * {@code TTL key}.
     *
     * @param key the key
     * @return the remaining time to live in seconds; -1 if the key has no expiry, -2 if it does not exist
     */
    default CompletionStage<Long> ttl(K key) {
        return execute(command("TTL").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code PTTL key}.
     *
     * @param key the key
     * @return the remaining time to live in milliseconds; -1 without expiry, -2 if the key does not exist
     */
    default CompletionStage<Long> pttl(K key) {
        return execute(command("PTTL").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code PERSIST key}.
     *
     * @param key the key
     * @return {@code true} if an expiry was removed
     */
    default CompletionStage<Boolean> persist(K key) {
        return execute(command("PERSIST").key(key).decodedBy(bool()));
    }

    /**
     * {@code RENAME key newkey}; both keys must hash to one slot.
     *
     * @param key the key
     * @param newKey its new name
     * @return {@code "OK"}
     */
    default CompletionStage<String> rename(K key, K newKey) {
        return execute(command("RENAME").key(key).key(newKey).decodedBy(ok()));
    }

    /**
     * {@code RENAMENX key newkey}; both keys must hash to one slot.
     *
     * @param key the key
     * @param newKey its new name
     * @return {@code true} if renamed, {@code false} if {@code newKey} already existed
     */
    default CompletionStage<Boolean> renamenx(K key, K newKey) {
        return execute(command("RENAMENX").key(key).key(newKey).decodedBy(bool()));
    }

    /**
     * {@code KEYS pattern}, sent to every primary and concatenated. Scans the whole keyspace of every node: meant for
     * debugging, not for production traffic.
     *
     * @param pattern a glob-style pattern, encoded with the key codec
     * @return the matching keys of all primaries, in no particular order
     */
    default CompletionStage<List<K>> keys(K pattern) {
        return execute(command("KEYS")
                .field(pattern)
                .traits(READ_ONLY)
                .fanOut(Routing.FanOut.Target.ALL_PRIMARIES, ReplyMerger.UNION)
                .decodedBy(list(key(codec()))));
    }

    /**
     * {@code RANDOMKEY}, sent to one node: the key is random among that node's keys only.
     *
     * @return a key, or {@code null} if the node holds none
     */
    default CompletionStage<K> randomkey() {
        return execute(command("RANDOMKEY").traits(READ_ONLY).decodedBy(key(codec())));
    }

    /**
     * {@code DUMP key}.
     *
     * @param key the key
     * @return the serialized value, or {@code null} if the key does not exist
     */
    default CompletionStage<byte[]> dump(K key) {
        return execute(command("DUMP").key(key).traits(READ_ONLY).decodedBy(bytes()));
    }

    /**
     * {@code RESTORE key ttl serialized-value}.
     *
     * @param key the key, which must not exist
     * @param ttlMilliseconds the time to live, 0 for none
     * @param serialized a value produced by {@link #dump}
     * @return {@code "OK"}
     */
    default CompletionStage<String> restore(K key, long ttlMilliseconds, byte[] serialized) {
        return execute(
                command("RESTORE").key(key).arg(ttlMilliseconds).arg(serialized).decodedBy(ok()));
    }

    /**
     * {@code RESTORE key ttl serialized-value REPLACE}: overwrites an existing key.
     *
     * @param key the key
     * @param ttlMilliseconds the time to live, 0 for none
     * @param serialized a value produced by {@link #dump}
     * @return {@code "OK"}
     */
    default CompletionStage<String> restoreReplacing(K key, long ttlMilliseconds, byte[] serialized) {
        return execute(command("RESTORE")
                .key(key)
                .arg(ttlMilliseconds)
                .arg(serialized)
                .arg("REPLACE")
                .decodedBy(ok()));
    }

    /**
     * {@code COPY source destination}; both keys must hash to one slot.
     *
     * @param source the key to copy
     * @param destination the new key, which must not exist
     * @return {@code true} if copied
     */
    default CompletionStage<Boolean> copy(K source, K destination) {
        return execute(command("COPY").key(source).key(destination).decodedBy(bool()));
    }

    /**
     * {@code COPY source destination REPLACE}: overwrites an existing destination.
     *
     * @param source the key to copy
     * @param destination the new key
     * @return {@code true} if copied
     */
    default CompletionStage<Boolean> copyReplacing(K source, K destination) {
        return execute(
                command("COPY").key(source).key(destination).arg("REPLACE").decodedBy(bool()));
    }
}

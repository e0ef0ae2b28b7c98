package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.bool;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.scanPage;
import static io.slotwise.command.ReplyDecoders.set;
import static io.slotwise.command.ReplyDecoders.value;

import io.slotwise.api.args.ScanArgs;
import io.slotwise.value.ScanPage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Commands on sets. Commands over several keys ({@code SINTER}, {@code SUNIONSTORE}, {@code SMOVE}...) need all keys in
 * one slot. Returned sets keep the reply's order. See {@link CommandExecutor} for the error contract.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
public interface SetCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code SADD key member}.
     *
     * @param key the key
     * @param member the member
     * @return 1 if added, 0 if already present
     */
    default CompletionStage<Long> sadd(K key, V member) {
        return sadd(key, List.of(member));
    }

    /**
     * {@code SADD key member...}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members added
     */
    default CompletionStage<Long> sadd(K key, List<V> members) {
        return execute(command("SADD").key(key).values(members).decodedBy(integer()));
    }

    /**
     * {@code SREM key member}.
     *
     * @param key the key
     * @param member the member
     * @return 1 if removed, 0 if absent
     */
    default CompletionStage<Long> srem(K key, V member) {
        return srem(key, List.of(member));
    }

    /**
     * {@code SREM key member...}.
     *
     * @param key the key
     * @param members the members, at least one
     * @return the number of members removed
     */
    default CompletionStage<Long> srem(K key, List<V> members) {
        return execute(command("SREM").key(key).values(members).decodedBy(integer()));
    }

    /**
     * {@code SMEMBERS key}.
     *
     * @param key the key
     * @return the members; empty if the key does not exist
     */
    default CompletionStage<Set<V>> smembers(K key) {
        return execute(command("SMEMBERS").key(key).traits(READ_ONLY).decodedBy(set(value(codec()))));
    }

    /**
     * {@code SISMEMBER key member}.
     *
     * @param key the key
     * @param member the member
     * @return {@code true} if it is a member
     */
    default CompletionStage<Boolean> sismember(K key, V member) {
        return execute(
                command("SISMEMBER").key(key).value(member).traits(READ_ONLY).decodedBy(bool()));
    }

    /**
     * {@code SMISMEMBER key member...}.
     *
     * @param key the key
     * @param members the members to test, at least one
     * @return one flag per member, in order
     */
    default CompletionStage<List<Boolean>> smismember(K key, List<V> members) {
        return execute(
                command("SMISMEMBER").key(key).values(members).traits(READ_ONLY).decodedBy(list(bool())));
    }

    /**
     * {@code SCARD key}.
     *
     * @param key the key
     * @return the number of members, 0 if the key does not exist
     */
    default CompletionStage<Long> scard(K key) {
        return execute(command("SCARD").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code SPOP key}.
     *
     * @param key the key
     * @return a removed random member, or {@code null} if the set does not exist
     */
    default CompletionStage<V> spop(K key) {
        return execute(command("SPOP").key(key).decodedBy(value(codec())));
    }

    /**
     * {@code SPOP key count}.
     *
     * @param key the key
     * @param count how many members to remove at most, {@code >= 0}
     * @return the removed members; empty if the set does not exist
     */
    default CompletionStage<Set<V>> spop(K key, long count) {
        return execute(command("SPOP").key(key).arg(count).decodedBy(set(value(codec()))));
    }

    /**
     * {@code SRANDMEMBER key}.
     *
     * @param key the key
     * @return a random member, or {@code null} if the set does not exist
     */
    default CompletionStage<V> srandmember(K key) {
        return execute(command("SRANDMEMBER").key(key).traits(READ_ONLY).decodedBy(value(codec())));
    }

    /**
     * {@code SRANDMEMBER key count}.
     *
     * @param key the key
     * @param count how many: distinct members if positive, possibly repeated members if negative
     * @return the members (a list, since a negative count may repeat them)
     */
    default CompletionStage<List<V>> srandmember(K key, long count) {
        return execute(
                command("SRANDMEMBER").key(key).arg(count).traits(READ_ONLY).decodedBy(list(value(codec()))));
    }

    /**
     * {@code SINTER key...}; all keys in one slot.
     *
     * @param keys the sets, at least one
     * @return the members common to all sets
     */
    default CompletionStage<Set<V>> sinter(List<K> keys) {
        return execute(command("SINTER").keys(keys).traits(READ_ONLY).decodedBy(set(value(codec()))));
    }

    /**
     * {@code SINTERSTORE destination key...}; all keys, destination included, in one slot.
     *
     * @param destination the key to store the result in
     * @param keys the sets, at least one
     * @return the size of the stored set
     */
    default CompletionStage<Long> sinterstore(K destination, List<K> keys) {
        return execute(command("SINTERSTORE").key(destination).keys(keys).decodedBy(integer()));
    }

    /**
     * {@code SUNION key...}; all keys in one slot.
     *
     * @param keys the sets, at least one
     * @return the members of any of the sets
     */
    default CompletionStage<Set<V>> sunion(List<K> keys) {
        return execute(command("SUNION").keys(keys).traits(READ_ONLY).decodedBy(set(value(codec()))));
    }

    /**
     * {@code SUNIONSTORE destination key...}; all keys, destination included, in one slot.
     *
     * @param destination the key to store the result in
     * @param keys the sets, at least one
     * @return the size of the stored set
     */
    default CompletionStage<Long> sunionstore(K destination, List<K> keys) {
        return execute(command("SUNIONSTORE").key(destination).keys(keys).decodedBy(integer()));
    }

    /**
     * {@code SDIFF key...}; all keys in one slot.
     *
     * @param keys the first set, then the sets to subtract from it
     * @return the members of the first set that are in none of the others
     */
    default CompletionStage<Set<V>> sdiff(List<K> keys) {
        return execute(command("SDIFF").keys(keys).traits(READ_ONLY).decodedBy(set(value(codec()))));
    }

    /**
     * {@code SDIFFSTORE destination key...}; all keys, destination included, in one slot.
     *
     * @param destination the key to store the result in
     * @param keys the first set, then the sets to subtract from it
     * @return the size of the stored set
     */
    default CompletionStage<Long> sdiffstore(K destination, List<K> keys) {
        return execute(command("SDIFFSTORE").key(destination).keys(keys).decodedBy(integer()));
    }

    /**
     * {@code SMOVE source destination member}; both keys in one slot.
     *
     * @param source the set to remove the member from
     * @param destination the set to add it to
     * @param member the member
     * @return {@code true} if moved, {@code false} if it was not in the source
     */
    default CompletionStage<Boolean> smove(K source, K destination, V member) {
        return execute(
                command("SMOVE").key(source).key(destination).value(member).decodedBy(bool()));
    }

    /**
     * {@code SSCAN key cursor}.
     *
     * @param key the key
     * @param cursor {@link ScanPage#INITIAL_CURSOR} to start, then the cursor of the previous page
     * @return a page of members
     */
    default CompletionStage<ScanPage<V>> sscan(K key, String cursor) {
        return sscan(key, cursor, ScanArgs.none());
    }

    /**
     * {@code SSCAN key cursor [MATCH pattern] [COUNT count]}.
     *
     * @param key the key
     * @param cursor {@link ScanPage#INITIAL_CURSOR} to start, then the cursor of the previous page
     * @param args match and count; {@code TYPE} is not accepted
     * @return a page of members
     */
    default CompletionStage<ScanPage<V>> sscan(K key, String cursor, ScanArgs args) {
        return execute(command("SSCAN")
                .key(key)
                .arg(cursor)
                .args(ArgumentChecks.elementScan("SSCAN", args))
                .traits(READ_ONLY)
                .decodedBy(scanPage(list(value(codec())))));
    }
}

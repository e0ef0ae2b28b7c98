package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.integerOrNull;
import static io.slotwise.command.ReplyDecoders.key;
import static io.slotwise.command.ReplyDecoders.keyValue;
import static io.slotwise.command.ReplyDecoders.list;
import static io.slotwise.command.ReplyDecoders.ok;
import static io.slotwise.command.ReplyDecoders.value;

import io.slotwise.api.args.InsertPosition;
import io.slotwise.api.args.ListSide;
import io.slotwise.value.KeyValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Commands on lists. Commands with several keys ({@code LMOVE}, {@code BLPOP} over several lists...) need all keys in
 * one slot. Blocking commands ({@code BLPOP}, {@code BRPOP}, {@code BLMOVE}) are sent with the
 * {@link io.slotwise.command.CommandTrait#BLOCKING} trait: the client waits for their timeout instead of its command
 * timeout. See {@link CommandExecutor} for the error contract.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ListCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code LPUSH key element}.
     *
     * @param key the key
     * @param element the element to insert at the head
     * @return the length of the list after the push
     */
    default CompletionStage<Long> lpush(K key, V element) {
        return lpush(key, List.of(element));
    }

    /**
     * {@code LPUSH key element...}: inserts each element at the head in turn, so the last ends up first.
     *
     * @param key the key
     * @param elements the elements, at least one
     * @return the length of the list after the push
     */
    default CompletionStage<Long> lpush(K key, List<V> elements) {
        return execute(command("LPUSH").key(key).values(elements).decodedBy(integer()));
    }

    /**
     * {@code RPUSH key element}.
     *
     * @param key the key
     * @param element the element to append
     * @return the length of the list after the push
     */
    default CompletionStage<Long> rpush(K key, V element) {
        return rpush(key, List.of(element));
    }

    /**
     * {@code RPUSH key element...}.
     *
     * @param key the key
     * @param elements the elements to append, at least one, in order
     * @return the length of the list after the push
     */
    default CompletionStage<Long> rpush(K key, List<V> elements) {
        return execute(command("RPUSH").key(key).values(elements).decodedBy(integer()));
    }

    /**
     * {@code LPUSHX key element...}: only if the list exists.
     *
     * @param key the key
     * @param elements the elements, at least one
     * @return the length of the list after the push, 0 if it did not exist
     */
    default CompletionStage<Long> lpushx(K key, List<V> elements) {
        return execute(command("LPUSHX").key(key).values(elements).decodedBy(integer()));
    }

    /**
     * {@code RPUSHX key element...}: only if the list exists.
     *
     * @param key the key
     * @param elements the elements, at least one
     * @return the length of the list after the push, 0 if it did not exist
     */
    default CompletionStage<Long> rpushx(K key, List<V> elements) {
        return execute(command("RPUSHX").key(key).values(elements).decodedBy(integer()));
    }

    /**
     * {@code LPOP key}.
     *
     * @param key the key
     * @return the first element, or {@code null} if the list does not exist
     */
    default CompletionStage<V> lpop(K key) {
        return execute(command("LPOP").key(key).decodedBy(value(codec())));
    }

    /**
     * {@code LPOP key count}.
     *
     * @param key the key
     * @param count how many elements to pop at most, {@code > 0}
     * @return the popped elements, head first; empty if the list does not exist
     */
    default CompletionStage<List<V>> lpop(K key, long count) {
        return execute(command("LPOP").key(key).arg(count).decodedBy(list(value(codec()))));
    }

    /**
     * {@code RPOP key}.
     *
     * @param key the key
     * @return the last element, or {@code null} if the list does not exist
     */
    default CompletionStage<V> rpop(K key) {
        return execute(command("RPOP").key(key).decodedBy(value(codec())));
    }

    /**
     * {@code RPOP key count}.
     *
     * @param key the key
     * @param count how many elements to pop at most, {@code > 0}
     * @return the popped elements, tail first; empty if the list does not exist
     */
    default CompletionStage<List<V>> rpop(K key, long count) {
        return execute(command("RPOP").key(key).arg(count).decodedBy(list(value(codec()))));
    }

    /**
     * {@code LRANGE key start stop}, both ends included; negative indexes count from the end.
     *
     * @param key the key
     * @param start the first index
     * @param stop the last index
     * @return the elements; empty if out of range or the list does not exist
     */
    default CompletionStage<List<V>> lrange(K key, long start, long stop) {
        return execute(command("LRANGE")
                .key(key)
                .arg(start)
                .arg(stop)
                .traits(READ_ONLY)
                .decodedBy(list(value(codec()))));
    }

    /**
     * {@code LLEN key}.
     *
     * @param key the key
     * @return the length, 0 if the list does not exist
     */
    default CompletionStage<Long> llen(K key) {
        return execute(command("LLEN").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code LINDEX key index}.
     *
     * @param key the key
     * @param index the index; negative counts from the end
     * @return the element, or {@code null} if out of range
     */
    default CompletionStage<V> lindex(K key, long index) {
        return execute(command("LINDEX").key(key).arg(index).traits(READ_ONLY).decodedBy(value(codec())));
    }

    /**
     * {@code LSET key index element}.
     *
     * @param key the key
     * @param index the index; negative counts from the end
     * @param element the new element
     * @return {@code "OK"}; the stage fails with the server's error if the index is out of range
     */
    default CompletionStage<String> lset(K key, long index, V element) {
        return execute(command("LSET").key(key).arg(index).value(element).decodedBy(ok()));
    }

    /**
     * {@code LREM key count element}.
     *
     * @param key the key
     * @param count how many to remove: from the head if positive, from the tail if negative, all if 0
     * @param element the element to remove
     * @return the number of elements removed
     */
    default CompletionStage<Long> lrem(K key, long count, V element) {
        return execute(command("LREM").key(key).arg(count).value(element).decodedBy(integer()));
    }

    /**
     * {@code LTRIM key start stop}: keeps only the given range.
     *
     * @param key the key
     * @param start the first index to keep
     * @param stop the last index to keep
     * @return {@code "OK"}
     */
    default CompletionStage<String> ltrim(K key, long start, long stop) {
        return execute(command("LTRIM").key(key).arg(start).arg(stop).decodedBy(ok()));
    }

    /**
     * {@code LINSERT key BEFORE|AFTER pivot element}.
     *
     * @param key the key
     * @param position before or after the pivot
     * @param pivot the element to insert next to
     * @param element the element to insert
     * @return the length after the insert; -1 if the pivot was not found, 0 if the list does not exist
     */
    default CompletionStage<Long> linsert(K key, InsertPosition position, V pivot, V element) {
        return execute(command("LINSERT")
                .key(key)
                .arg(position.name())
                .value(pivot)
                .value(element)
                .decodedBy(integer()));
    }

    /**
     * {@code LPOS key element}.
     *
     * @param key the key
     * @param element the element to find
     * @return the index of its first occurrence, or {@code null} if absent
     */
    default CompletionStage<Long> lpos(K key, V element) {
        return execute(command("LPOS").key(key).value(element).traits(READ_ONLY).decodedBy(integerOrNull()));
    }

    /**
     * {@code LPOS key element COUNT count}.
     *
     * @param key the key
     * @param element the element to find
     * @param count how many occurrences to return at most; 0 for all
     * @return the indexes of its occurrences, ascending; empty if absent
     */
    default CompletionStage<List<Long>> lpos(K key, V element, long count) {
        return execute(command("LPOS")
                .key(key)
                .value(element)
                .arg("COUNT")
                .arg(count)
                .traits(READ_ONLY)
                .decodedBy(list(integer())));
    }

    /**
     * {@code LMOVE source destination LEFT|RIGHT LEFT|RIGHT}; both keys must hash to one slot.
     *
     * @param source the list to pop from
     * @param destination the list to push to
     * @param from which end of the source to pop
     * @param to which end of the destination to push
     * @return the moved element, or {@code null} if the source does not exist
     */
    default CompletionStage<V> lmove(K source, K destination, ListSide from, ListSide to) {
        return execute(command("LMOVE")
                .key(source)
                .key(destination)
                .arg(from.name())
                .arg(to.name())
                .decodedBy(value(codec())));
    }

    /**
     * {@code BLPOP key... timeout}: pops the head of the first non-empty list, waiting up to the timeout for one.
     *
     * @param timeout how long to wait, with millisecond precision; {@link Duration#ZERO} waits indefinitely
     * @param keys the lists, at least one, all in one slot
     * @return the list and the element, or {@code null} if the timeout expired
     */
    default CompletionStage<KeyValue<K, V>> blpop(Duration timeout, List<K> keys) {
        return execute(command("BLPOP")
                .keys(keys)
                .argSeconds(timeout)
                .blocking(timeout)
                .decodedBy(keyValue(key(codec()), value(codec()))));
    }

    /**
     * {@code BRPOP key... timeout}: pops the tail of the first non-empty list, waiting up to the timeout for one.
     *
     * @param timeout how long to wait, with millisecond precision; {@link Duration#ZERO} waits indefinitely
     * @param keys the lists, at least one, all in one slot
     * @return the list and the element, or {@code null} if the timeout expired
     */
    default CompletionStage<KeyValue<K, V>> brpop(Duration timeout, List<K> keys) {
        return execute(command("BRPOP")
                .keys(keys)
                .argSeconds(timeout)
                .blocking(timeout)
                .decodedBy(keyValue(key(codec()), value(codec()))));
    }

    /**
     * {@code BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout}; both keys must hash to one slot.
     *
     * @param source the list to pop from
     * @param destination the list to push to
     * @param from which end of the source to pop
     * @param to which end of the destination to push
     * @param timeout how long to wait, with millisecond precision; {@link Duration#ZERO} waits indefinitely
     * @return the moved element, or {@code null} if the timeout expired
     */
    default CompletionStage<V> blmove(K source, K destination, ListSide from, ListSide to, Duration timeout) {
        return execute(command("BLMOVE")
                .key(source)
                .key(destination)
                .arg(from.name())
                .arg(to.name())
                .argSeconds(timeout)
                .blocking(timeout)
                .decodedBy(value(codec())));
    }
}

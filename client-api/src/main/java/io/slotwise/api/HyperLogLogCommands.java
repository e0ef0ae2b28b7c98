package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.bool;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.ok;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Commands on HyperLogLogs: approximate counts of distinct elements (standard error 0.81%) in at most 12 KB per key.
 * Elements are encoded with the value codec.
 *
 * <p>Commands over several keys ({@code PFCOUNT} of several keys counts their union, {@code PFMERGE}) cannot be split
 * by slot: their keys must share one slot, or the call throws {@link io.slotwise.CrossSlotException} naming the keys
 * and their slots before anything is sent. Give such keys a common hash tag ({@code {visits}:mon},
 * {@code {visits}:tue}). See {@link CommandExecutor} for the error contract.
 *
 * @param <K> the key type
 * @param <V> the element type
 */
public interface HyperLogLogCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code PFADD key element}.
     *
     * @param key the key; created if missing
     * @param element the element
     * @return {@code true} if the estimate may have changed (or the key was created), {@code false} otherwise
     */
    default CompletionStage<Boolean> pfadd(K key, V element) {
        return pfadd(key, List.of(element));
    }

    /**
     * {@code PFADD key [element...]}.
     *
     * @param key the key; created if missing
     * @param elements the elements, possibly none (then the call only creates the key if it is missing)
     * @return {@code true} if the estimate may have changed (or the key was created), {@code false} otherwise
     */
    default CompletionStage<Boolean> pfadd(K key, List<V> elements) {
        return execute(command("PFADD").key(key).valuesOrNone(elements).decodedBy(bool()));
    }

    /**
     * {@code PFCOUNT key}.
     *
     * @param key the key
     * @return the approximate number of distinct elements added, 0 if the key does not exist
     */
    default CompletionStage<Long> pfcount(K key) {
        return pfcount(List.of(key));
    }

    /**
     * {@code PFCOUNT key...}: the approximate number of distinct elements of the union of the keys. The union cannot
     * be computed slot by slot, so the keys must share one slot.
     *
     * @param keys the keys, at least one, all in one slot
     * @return the approximate number of distinct elements of their union; missing keys count as empty
     * @throws io.slotwise.CrossSlotException if the keys span several slots
     */
    default CompletionStage<Long> pfcount(List<K> keys) {
        return execute(command("PFCOUNT").keys(keys).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code PFMERGE destination [source...]}: stores the union of the destination and the sources in the
     * destination.
     *
     * @param destination the key to merge into; created if missing
     * @param sources the keys to merge, possibly none, all in the destination's slot
     * @return {@code "OK"}
     * @throws io.slotwise.CrossSlotException if the keys span several slots
     */
    default CompletionStage<String> pfmerge(K destination, List<K> sources) {
        return execute(command("PFMERGE").key(destination).keysOrNone(sources).decodedBy(ok()));
    }
}

package io.slotwise.api;

import static io.slotwise.command.CommandTrait.READ_ONLY;
import static io.slotwise.command.ReplyDecoders.bool;
import static io.slotwise.command.ReplyDecoders.integer;
import static io.slotwise.command.ReplyDecoders.integerOrNull;
import static io.slotwise.command.ReplyDecoders.list;

import io.slotwise.api.args.BitFieldArgs;
import io.slotwise.api.args.BitOperation;
import io.slotwise.api.args.BitRange;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Commands on strings as arrays of bits ({@code SETBIT}, {@code BITCOUNT}, {@code BITOP}, ...) and of integer fields
 * ({@code BITFIELD}). Bit 0 is the most significant bit of the first byte. Bit offsets range from 0 to
 * 2<sup>32</sup>-1 (a string is at most 512 MB); an offset outside that range is rejected before anything is sent.
 *
 * <p>{@code BITOP} reads and writes several keys and cannot be split by slot: its keys must share one slot, or the
 * call throws {@link io.slotwise.CrossSlotException} naming the keys and their slots before anything is sent. See
 * {@link CommandExecutor} for the error contract.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface BitmapCommands<K, V> extends CommandExecutor<K, V> {

    /**
     * {@code SETBIT key offset 0|1}. The string grows, zero-padded, to hold the bit.
     *
     * @param key the key; created if missing
     * @param offset the bit offset, from 0 to 2<sup>32</sup>-1
     * @param value the new bit: {@code true} for 1
     * @return the bit's previous value ({@code false} for a bit beyond the end of the string)
     * @throws IllegalArgumentException if the offset is out of range
     */
    default CompletionStage<Boolean> setbit(K key, long offset, boolean value) {
        return execute(command("SETBIT")
                .key(key)
                .arg(ArgumentChecks.bitOffset("SETBIT", offset))
                .arg(value ? 1 : 0)
                .decodedBy(bool()));
    }

    /**
     * {@code GETBIT key offset}.
     *
     * @param key the key
     * @param offset the bit offset, from 0 to 2<sup>32</sup>-1
     * @return the bit: {@code false} beyond the end of the string or for a missing key
     * @throws IllegalArgumentException if the offset is out of range
     */
    default CompletionStage<Boolean> getbit(K key, long offset) {
        return execute(command("GETBIT")
                .key(key)
                .arg(ArgumentChecks.bitOffset("GETBIT", offset))
                .traits(READ_ONLY)
                .decodedBy(bool()));
    }

    /**
     * {@code BITCOUNT key}.
     *
     * @param key the key
     * @return the number of bits set to 1, 0 for a missing key
     */
    default CompletionStage<Long> bitcount(K key) {
        return execute(command("BITCOUNT").key(key).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code BITCOUNT key start end [BIT]}.
     *
     * @param key the key
     * @param range the bytes or bits to count in
     * @return the number of bits set to 1 in the range
     */
    default CompletionStage<Long> bitcount(K key, BitRange range) {
        return execute(command("BITCOUNT")
                .key(key)
                .args(range.arguments())
                .traits(READ_ONLY)
                .decodedBy(integer()));
    }

    /**
     * {@code BITPOS key 0|1}.
     *
     * @param key the key
     * @param bit the bit to look for: {@code true} for 1
     * @return the offset of the first such bit; looking for 1, -1 if there is none; looking for 0 in a string of only
     *     ones, the offset just past its end (0 for a missing key)
     */
    default CompletionStage<Long> bitpos(K key, boolean bit) {
        return execute(
                command("BITPOS").key(key).arg(bit ? 1 : 0).traits(READ_ONLY).decodedBy(integer()));
    }

    /**
     * {@code BITPOS key 0|1 start}: looks from byte {@code start} to the end of the string.
     *
     * @param key the key
     * @param bit the bit to look for: {@code true} for 1
     * @param startByte the first byte to look in, negative from the end
     * @return the offset (from the start of the string) of the first such bit, as {@link #bitpos(Object, boolean)}
     */
    default CompletionStage<Long> bitpos(K key, boolean bit, long startByte) {
        return execute(command("BITPOS")
                .key(key)
                .arg(bit ? 1 : 0)
                .arg(startByte)
                .traits(READ_ONLY)
                .decodedBy(integer()));
    }

    /**
     * {@code BITPOS key 0|1 start end [BIT]}.
     *
     * @param key the key
     * @param bit the bit to look for: {@code true} for 1
     * @param range the bytes or bits to look in
     * @return the offset (from the start of the string) of the first such bit in the range, -1 if there is none
     */
    default CompletionStage<Long> bitpos(K key, boolean bit, BitRange range) {
        return execute(command("BITPOS")
                .key(key)
                .arg(bit ? 1 : 0)
                .args(range.arguments())
                .traits(READ_ONLY)
                .decodedBy(integer()));
    }

    /**
     * {@code BITOP AND|OR|XOR|NOT destination source...}: stores the bitwise combination of the sources, shorter
     * ones zero-padded, in the destination (deleting it when the result is empty).
     *
     * @param operation the operation
     * @param destination the key to store the result in
     * @param sources the keys to combine: at least one, exactly one for {@link BitOperation#NOT}; all in the
     *     destination's slot
     * @return the length of the result in bytes
     * @throws IllegalArgumentException if there is no source, or more than one for NOT
     * @throws io.slotwise.CrossSlotException if the keys span several slots
     */
    default CompletionStage<Long> bitop(BitOperation operation, K destination, List<K> sources) {
        List<K> checked = ArgumentChecks.bitopSources(operation, sources);
        return execute(command("BITOP")
                .arg(operation.name())
                .key(destination)
                .keys(checked)
                .decodedBy(integer()));
    }

    /**
     * {@code BITFIELD key operation...}.
     *
     * @param key the key; created by a {@code SET} or {@code INCRBY} if missing
     * @param operations the operations, in order
     * @return one element per {@code GET}, {@code SET} and {@code INCRBY}, in order: the value read, the previous
     *     value, the new value; {@code null} for a {@code SET} or {@code INCRBY} stopped by {@code OVERFLOW FAIL}
     */
    default CompletionStage<List<Long>> bitfield(K key, BitFieldArgs operations) {
        return execute(command("BITFIELD").key(key).args(operations.arguments()).decodedBy(list(integerOrNull())));
    }

    /**
     * {@code BITFIELD_RO key GET type offset...}: reads fields; unlike {@code BITFIELD} it may be served by a replica.
     *
     * @param key the key
     * @param operations {@code GET}s only
     * @return the value of each field, in order; 0 for fields beyond the end of the string
     * @throws IllegalArgumentException if the operations contain a {@code SET}, {@code INCRBY} or {@code OVERFLOW}
     */
    default CompletionStage<List<Long>> bitfieldRo(K key, BitFieldArgs operations) {
        return execute(command("BITFIELD_RO")
                .key(key)
                .args(ArgumentChecks.readOnlyBitField(operations))
                .traits(READ_ONLY)
                .decodedBy(list(integer())));
    }
}

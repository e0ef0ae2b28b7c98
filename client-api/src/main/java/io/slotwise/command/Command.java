package io.slotwise.command;

import io.slotwise.RedisCommandException;
import io.slotwise.UnexpectedReplyException;
import io.slotwise.codec.RedisCodec;
import io.slotwise.resp.RespCommandArgs;
import io.slotwise.resp.RespValue;
import io.slotwise.routing.SlotHash;
import io.slotwise.routing.SplitPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One command invocation, described completely and immutably: its arguments (the command word or words first), which
 * arguments are keys, its {@link CommandTrait traits}, its {@link Routing}, whether and how a cross-slot invocation is
 * {@link Split split}, and the {@link ReplyDecoder} that turns the final reply into {@code T}. It carries no I/O and no
 * transport types; the dispatcher reads it to route, send, merge and decode.
 *
 * <p>Build commands with {@link #builder(String)} or {@link #builder(String, RedisCodec)}. Construction checks the
 * command's shape, so a built command is always routable: a {@link Routing.ByKeys} command has at least one key, and a
 * command that cannot be split has all its keys in one slot ({@link #slot()}); otherwise construction throws
 * {@link io.slotwise.CrossSlotException} before anything is sent.
 *
 * <p>Ownership: argument arrays are neither copied in nor out; nobody may modify them once they are part of a command.
 * {@link #toString()} shows the name and the argument and key counts, never argument values, which may be secrets
 * ({@code AUTH}, {@code CONFIG SET requirepass}). Instances are thread-safe.
 *
 * @param <T> the decoded reply type
 */
public final class Command<T> implements RespCommandArgs {

    private final String name;
    private final byte[][] args;
    private final int[] keyIndexes;
    private final Set<CommandTrait> traits;
    private final Duration blockingTimeout;
    private final Routing routing;
    private final Split split;
    private final int slot;
    private final ReplyDecoder<T> decoder;

    /**
     * Takes the argument and key index arrays without copying them: callers pass arrays nobody else holds.
     */
    Command(
            String name,
            byte[][] args,
            int[] keyIndexes,
            Set<CommandTrait> traits,
            Duration blockingTimeout,
            Routing routing,
            Split split,
            int slot,
            ReplyDecoder<T> decoder) {
        this.name = name;
        this.args = args;
        this.keyIndexes = keyIndexes;
        this.traits = traits;
        this.blockingTimeout = blockingTimeout;
        this.routing = routing;
        this.split = split;
        this.slot = slot;
        this.decoder = decoder;
    }

    /**
     * Starts building a command with binary keys and values.
     *
     * @param name the command word(s), for example {@code "GET"} or {@code "SCRIPT LOAD"}; each space-separated word
     *     becomes one argument
     * @return a new builder
     */
    public static CommandBuilder<byte[], byte[]> builder(String name) {
        return new CommandBuilder<>(name, RedisCodec.bytes());
    }

    /**
     * Starts building a command whose keys and values a codec encodes.
     *
     * @param name the command word(s), for example {@code "GET"} or {@code "SCRIPT LOAD"}
     * @param codec encodes the {@link CommandBuilder#key} and {@link CommandBuilder#value} arguments
     * @param <K> the key type
     * @param <V> the value type
     * @return a new builder
     */
    public static <K, V> CommandBuilder<K, V> builder(String name, RedisCodec<K, V> codec) {
        return new CommandBuilder<>(name, codec);
    }

    /**
     * Returns the command's name as users print it.
     *
     * @return the command word(s), space-separated, for example {@code "GET"} or {@code "CLUSTER INFO"}
     */
    public String name() {
        return name;
    }

    @Override
    public int argCount() {
        return args.length;
    }

    /** Returns one argument, without copying it; callers must not modify the array. */
    @Override
    public byte[] arg(int index) {
        return args[index];
    }

    /**
     * Returns all arguments, command words first.
     *
     * @return an unmodifiable list whose arrays the caller must not modify
     */
    public List<byte[]> arguments() {
        return Collections.unmodifiableList(Arrays.asList(args));
    }

    /**
     * Returns the positions of the key arguments.
     *
     * @return indexes into {@link #arguments()}, ascending; a fresh array
     */
    public int[] keyIndexes() {
        return keyIndexes.clone();
    }

    /**
     * Returns the keys, in argument order.
     *
     * @return an unmodifiable list of the key arguments; empty for keyless commands
     */
    public List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>(keyIndexes.length);
        for (int index : keyIndexes) {
            keys.add(args[index]);
        }
        return Collections.unmodifiableList(keys);
    }

    /**
     * Returns the traits.
     *
     * @return an unmodifiable set, possibly empty
     */
    public Set<CommandTrait> traits() {
        return traits;
    }

    /**
     * Tells whether the command has a trait.
     *
     * @param trait the trait
     * @return {@code true} if it has it
     */
    public boolean has(CommandTrait trait) {
        return traits.contains(trait);
    }

    /**
     * Returns how long a {@link CommandTrait#BLOCKING} command may wait on the server.
     *
     * @return the blocking timeout, {@link Duration#ZERO} meaning "indefinitely"; empty for commands that do not block
     */
    public Optional<Duration> blockingTimeout() {
        return Optional.ofNullable(blockingTimeout);
    }

    /**
     * Returns where the command is sent.
     *
     * @return the routing, never {@code null}
     */
    public Routing routing() {
        return routing;
    }

    /**
     * Returns how the command splits by slot when its keys span several slots.
     *
     * @return the split, or empty for commands that must run on one slot
     */
    public Optional<Split> split() {
        return Optional.ofNullable(split);
    }

    /**
     * Returns the slot of all the command's keys, computed once at construction.
     *
     * @return the slot when every key hashes to it (always the case for {@link Routing.ByKeys} commands without a
     *     {@link Split}); empty for keyless commands and for split commands whose keys span several slots
     */
    public OptionalInt slot() {
        return slot < 0 ? OptionalInt.empty() : OptionalInt.of(slot);
    }

    /**
     * Returns the reply decoder.
     *
     * @return the decoder, never {@code null}
     */
    public ReplyDecoder<T> decoder() {
        return decoder;
    }

    /**
     * Decodes the command's final reply.
     *
     * @param reply the reply (merged, for split and fanned-out commands)
     * @return the decoded value
     * @throws RedisCommandException if the reply is an error; the dispatcher normally handles errors before this
     * @throws UnexpectedReplyException if the reply has the wrong type; the exception names this command
     */
    public T decode(RespValue reply) {
        RespValue plain = reply.withoutAttributes();
        if (plain instanceof RespValue.Error error) {
            throw new RedisCommandException(name, error.message());
        }
        try {
            return decoder.decode(reply);
        } catch (UnexpectedReplyException e) {
            throw e.forCommand(name);
        }
    }

    /**
     * Plans the split of this command's keys by slot.
     *
     * @return the plan, with one group per slot; groups index key groups in the caller's order
     * @throws IllegalStateException if the command has no {@link Split}
     */
    public SplitPlan splitPlan() {
        requireSplit();
        return SplitPlan.of(keys());
    }

    /**
     * Builds the part of a split command that goes to one slot: the same name and leading arguments, then only the
     * key groups of that slot, in the caller's order. The part has the same traits, routes by its keys, has no split
     * of its own, and returns its reply undecoded for the {@link ReplyMerger}.
     *
     * @param group a group of {@link #splitPlan()}
     * @return the part
     * @throws IllegalStateException if the command has no {@link Split}
     * @throws IllegalArgumentException if the group does not belong to this command's plan
     */
    public Command<RespValue> subCommand(SplitPlan.Group group) {
        requireSplit();
        int first = split.firstKeyIndex();
        int width = split.keyGroupWidth();
        int[] positions = group.positions();
        List<byte[]> partArgs = new ArrayList<>(first + positions.length * width);
        partArgs.addAll(Arrays.asList(args).subList(0, first));
        int[] partKeys = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0 || positions[i] >= keyIndexes.length) {
                throw new IllegalArgumentException("The group has a key position outside this command: " + group);
            }
            int start = first + positions[i] * width;
            if (SlotHash.slot(args[start]) != group.slot()) {
                throw new IllegalArgumentException("The group does not belong to this command's plan: " + group);
            }
            partKeys[i] = partArgs.size();
            partArgs.addAll(Arrays.asList(args).subList(start, start + width));
        }
        return new Command<>(
                name,
                partArgs.toArray(new byte[0][]),
                partKeys,
                traits,
                blockingTimeout,
                Routing.BY_KEYS,
                null,
                group.slot(),
                ReplyDecoders.raw());
    }

    private void requireSplit() {
        if (split == null) {
            throw new IllegalStateException(name + " cannot be split by slot");
        }
    }

    /** Shows the name and the argument and key counts, never argument values. */
    @Override
    public String toString() {
        return "Command[name=" + name + ", args=" + args.length + ", keys=" + keyIndexes.length + "]";
    }
}

package io.slotwise.command;

import io.slotwise.codec.RedisCodec;
import io.slotwise.resp.RespValue;
import io.slotwise.topology.NodeAddress;
import io.slotwise.value.ScoredValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Command}: arguments are appended in call order after the command word(s). Keys and values are
 * encoded with the builder's codec; {@link #key} also records the argument's position as a key.
 *
 * <p>Defaults: routing {@link Routing.ByKeys} when the command has keys, otherwise {@link Routing.AnyNode}; no traits;
 * no split. {@link #decodedBy} and {@link #build()} may be called several times; each builds an independent command.
 * Not thread-safe: use a builder from one thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CommandBuilder<K, V> {

    private static final int[] NO_KEYS = new int[0];

    private final String name;
    private final RedisCodec<K, V> codec;
    private final List<byte[]> args = new ArrayList<>(4);
    private int[] keyIndexes = NO_KEYS;
    private int keyCount;
    private int traits;
    private Duration blockingTimeout;
    private Routing routing;
    private int splitWidth;
    private ReplyMerger splitMerger;

    CommandBuilder(String name, RedisCodec<K, V> codec) {
        Objects.requireNonNull(name, "name");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.name = CommandWords.split(name, args);
    }

    /**
     * Appends a key argument, encoded with the codec, and records its position as a key.
     *
     * @param key the key, never {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> key(K key) {
        if (key == null) {
            throw new NullPointerException(name + ": key must not be null");
        }
        if (keyCount == keyIndexes.length) {
            keyIndexes = Arrays.copyOf(keyIndexes, Math.max(4, keyCount * 2));
        }
        keyIndexes[keyCount++] = args.size();
        args.add(codec.encodeKey(key));
        return this;
    }

    /**
     * Appends several key arguments, in iteration order.
     *
     * @param keys the keys, at least one, none {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> keys(Collection<? extends K> keys) {
        atLeastOne(keys, "key");
        for (K key : keys) {
            key(key);
        }
        return this;
    }

    /**
     * Appends zero or more keys, for commands whose keys are optional ({@code EVAL}'s keys).
     *
     * @param keys the keys, possibly none, none {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> keysOrNone(Collection<? extends K> keys) {
        Objects.requireNonNull(keys, () -> name + ": keys must not be null");
        for (K key : keys) {
            key(key);
        }
        return this;
    }

    /**
     * Appends a value argument, encoded with the codec.
     *
     * @param value the value, never {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> value(V value) {
        if (value == null) {
            throw new NullPointerException(name + ": value must not be null");
        }
        args.add(codec.encodeValue(value));
        return this;
    }

    /**
     * Appends several value arguments, in iteration order.
     *
     * @param values the values, at least one, none {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> values(Collection<? extends V> values) {
        atLeastOne(values, "value");
        for (V value : values) {
            value(value);
        }
        return this;
    }

    /**
     * Appends zero or more values, for commands whose values are optional ({@code EVAL}'s arguments).
     *
     * @param values the values, possibly none, none {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> valuesOrNone(Collection<? extends V> values) {
        Objects.requireNonNull(values, () -> name + ": values must not be null");
        for (V value : values) {
            value(value);
        }
        return this;
    }

    /**
     * Appends key-value pairs ({@code MSET}), each key recorded as a key position, in the map's iteration order.
     *
     * @param pairs the pairs, at least one, no {@code null} key or value
     * @return this builder
     */
    public CommandBuilder<K, V> keyValues(Map<? extends K, ? extends V> pairs) {
        atLeastOne(
                Objects.requireNonNull(pairs, () -> name + ": pairs must not be null")
                        .keySet(),
                "key");
        pairs.forEach((key, value) -> key(key).value(value));
        return this;
    }

    /**
     * Appends field-value pairs ({@code HSET}), fields encoded with the key codec but not recorded as keys, in the
     * map's iteration order.
     *
     * @param pairs the pairs, at least one, no {@code null} field or value
     * @return this builder
     */
    public CommandBuilder<K, V> fieldValues(Map<? extends K, ? extends V> pairs) {
        atLeastOne(
                Objects.requireNonNull(pairs, () -> name + ": pairs must not be null")
                        .keySet(),
                "field");
        pairs.forEach((field, value) -> field(field).value(value));
        return this;
    }

    /**
     * Appends score-member pairs ({@code ZADD}), in list order.
     *
     * @param members the members with their scores, at least one
     * @return this builder
     */
    public CommandBuilder<K, V> scoredValues(Collection<? extends ScoredValue<? extends V>> members) {
        atLeastOne(members, "member");
        for (ScoredValue<? extends V> member : members) {
            arg(member.score()).value(member.value());
        }
        return this;
    }

    /**
     * Appends a key (for example a hash field) that is not a routing key: encoded with the key codec, but not recorded
     * as a key position.
     *
     * @param field the field, never {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> field(K field) {
        if (field == null) {
            throw new NullPointerException(name + ": field must not be null");
        }
        args.add(codec.encodeKey(field));
        return this;
    }

    /**
     * Appends several fields (see {@link #field}), in iteration order.
     *
     * @param fields the fields, at least one, none {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> fields(Collection<? extends K> fields) {
        atLeastOne(fields, "field");
        for (K field : fields) {
            field(field);
        }
        return this;
    }

    /**
     * Appends a binary argument as is, without copying it.
     *
     * @param arg the bytes, never {@code null}; not to be modified afterwards
     * @return this builder
     */
    public CommandBuilder<K, V> arg(byte[] arg) {
        if (arg == null) {
            throw new NullPointerException(name + ": argument must not be null");
        }
        args.add(arg);
        return this;
    }

    /**
     * Appends a text argument, encoded as UTF-8.
     *
     * @param arg the text, never {@code null}
     * @return this builder
     */
    public CommandBuilder<K, V> arg(String arg) {
        if (arg == null) {
            throw new NullPointerException(name + ": argument must not be null");
        }
        args.add(arg.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Appends an integer argument in decimal.
     *
     * @param arg the number
     * @return this builder
     */
    public CommandBuilder<K, V> arg(long arg) {
        args.add(Long.toString(arg).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /**
     * Appends a floating-point argument as {@link RedisDouble#format} writes it.
     *
     * @param arg the number, not NaN
     * @return this builder
     */
    public CommandBuilder<K, V> arg(double arg) {
        args.add(RedisDouble.format(arg).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /**
     * Appends a duration in seconds, with millisecond precision ({@code 1.5} for 1500 ms), as blocking commands take
     * their timeout. A fraction of a millisecond is rounded up, so that only {@link Duration#ZERO} is sent as
     * {@code 0} (which blocking commands read as "wait indefinitely").
     *
     * @param duration the duration, not negative
     * @return this builder
     */
    public CommandBuilder<K, V> argSeconds(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + ": a duration argument must not be negative");
        }
        long millis = duration.toMillis();
        if (duration.minusMillis(millis).compareTo(Duration.ZERO) > 0) {
            millis++;
        }
        return arg(RedisDouble.format(millis / 1000.0));
    }

    /**
     * Appends binary arguments as they are, for example the tokens of an options value.
     *
     * @param more the arguments, none {@code null}; not copied
     * @return this builder
     */
    public CommandBuilder<K, V> args(List<byte[]> more) {
        for (byte[] arg : more) {
            arg(arg);
        }
        return this;
    }

    /**
     * Adds traits.
     *
     * @param added the traits
     * @return this builder
     */
    public CommandBuilder<K, V> traits(CommandTrait... added) {
        for (CommandTrait trait : added) {
            addTrait(Objects.requireNonNull(trait, "trait"));
        }
        return this;
    }

    /**
     * Marks the command {@link CommandTrait#BLOCKING} with the timeout it carries as an argument.
     *
     * @param timeout how long the server may block, {@link Duration#ZERO} for indefinitely; not negative
     * @return this builder
     */
    public CommandBuilder<K, V> blocking(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(name + ": the blocking timeout must not be negative");
        }
        addTrait(CommandTrait.BLOCKING);
        blockingTimeout = timeout;
        return this;
    }

    /**
     * Sets the routing explicitly.
     *
     * @param routing the routing
     * @return this builder
     */
    public CommandBuilder<K, V> routing(Routing routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
        return this;
    }

    /**
     * Pins a keyless command to one node ({@link Routing.ToNode}), for example to read {@code INFO} or {@code CLIENT
     * LIST} of that node; {@link #build} rejects a command with keys.
     *
     * @param node the node, as the cluster announces it
     * @return this builder
     */
    public CommandBuilder<K, V> toNode(NodeAddress node) {
        return routing(Routing.toNode(node));
    }

    /**
     * Sends the command to several nodes and merges their replies.
     *
     * @param target which nodes
     * @param merger how their replies combine
     * @return this builder
     */
    public CommandBuilder<K, V> fanOut(Routing.FanOut.Target target, ReplyMerger merger) {
        return routing(Routing.fanOut(target, merger));
    }

    /**
     * Lets the command split by slot when its keys span several slots. The keys must be the last arguments, in groups
     * of {@code keyGroupWidth} arguments, each group starting with its key.
     *
     * @param keyGroupWidth arguments per key group: 1, or 2 for key-value pairs
     * @param merger how the parts' replies combine
     * @return this builder
     */
    public CommandBuilder<K, V> split(int keyGroupWidth, ReplyMerger merger) {
        if (keyGroupWidth < 1) {
            throw new IllegalArgumentException("keyGroupWidth must be >= 1, was " + keyGroupWidth);
        }
        this.splitWidth = keyGroupWidth;
        this.splitMerger = Objects.requireNonNull(merger, "merger");
        return this;
    }

    /**
     * Builds the command with a reply decoder.
     *
     * @param decoder turns the final reply into {@code T}
     * @param <T> the decoded type
     * @return the command
     * @throws IllegalArgumentException if the command's shape is inconsistent (a key-routed command without keys, keys
     *     on a keyless routing, a split whose keys are not laid out as declared)
     * @throws io.slotwise.CrossSlotException if the command cannot be split and its keys span several slots
     */
    public <T> Command<T> decodedBy(ReplyDecoder<T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        int[] keys = keyCount == 0 ? NO_KEYS : Arrays.copyOf(keyIndexes, keyCount);
        CommandShape shape = CommandShape.resolve(name, args, keys, routing, splitWidth, splitMerger);
        Duration timeout = (traits & TraitSets.bit(CommandTrait.BLOCKING)) != 0
                ? (blockingTimeout == null ? Duration.ZERO : blockingTimeout)
                : null;
        return new Command<>(
                name,
                args.toArray(new byte[0][]),
                keys,
                TraitSets.of(traits),
                timeout,
                shape.routing(),
                shape.split(),
                shape.slot(),
                decoder);
    }

    /**
     * Builds the command with its reply left undecoded.
     *
     * @return the command
     * @throws IllegalArgumentException as {@link #decodedBy}
     * @throws io.slotwise.CrossSlotException as {@link #decodedBy}
     */
    public Command<RespValue> build() {
        return decodedBy(ReplyDecoders.raw());
    }

    private void addTrait(CommandTrait trait) {
        traits |= TraitSets.bit(trait);
    }

    /** Rejects a null or empty collection: the command's syntax needs at least one element. */
    private void atLeastOne(Collection<?> items, String what) {
        Objects.requireNonNull(items, () -> name + ": the " + what + "s must not be null");
        if (items.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one " + what);
        }
    }
}

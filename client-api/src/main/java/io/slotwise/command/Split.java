package io.slotwise.command;

import java.util.Objects;

/**
 * How a multi-key command whose keys span several slots is cut into one sub-command per slot ({@code MGET},
 * {@code MSET}, {@code DEL}, {@code UNLINK}, {@code EXISTS}, {@code TOUCH}), and how the parts' replies merge back.
 *
 * <p>The arguments of a splittable command are laid out as: the arguments before the keys (the command name and any
 * fixed arguments), then key groups of {@link #keyGroupWidth()} arguments each, each group starting with its key
 * ({@code MSET k1 v1 k2 v2} has width 2). Each sub-command keeps the leading arguments and the key groups of one slot,
 * in the caller's order ({@link Command#subCommand}).
 *
 * @param firstKeyIndex the number of arguments before the first key group, command name included
 * @param keyGroupWidth the number of arguments per key group: 1, or 2 for key-value pairs
 * @param merger how the parts' replies combine into one reply
 */
public record Split(int firstKeyIndex, int keyGroupWidth, ReplyMerger merger) {

    /** Checks the components. */
    public Split {
        if (firstKeyIndex < 1) {
            throw new IllegalArgumentException("The command name precedes the keys; firstKeyIndex must be >= 1");
        }
        if (keyGroupWidth < 1) {
            throw new IllegalArgumentException("keyGroupWidth must be >= 1, was " + keyGroupWidth);
        }
        Objects.requireNonNull(merger, "merger");
    }
}

package io.slotwise.command;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Trait sets as bit masks of {@link CommandTrait} ordinals while a command is built, and the unmodifiable sets that
 * built commands share: there are only as many distinct sets as subsets of {@code CommandTrait}, so each is made once
 * instead of copied into every command. Thread-safe (immutable after class initialisation).
 */
final class TraitSets {

    /** Beyond this many traits the subsets are not precomputed, and each command gets its own set. */
    private static final int MAX_PRECOMPUTED_TRAITS = 8;

    private static final CommandTrait[] ALL = CommandTrait.values();

    /** Index: a mask; {@code null} if there are too many traits to precompute. */
    private static final Set<CommandTrait>[] BY_MASK = allSubsets();

    static {
        if (ALL.length > Integer.SIZE - 1) {
            throw new IllegalStateException("CommandTrait has more values than an int mask holds");
        }
    }

    private TraitSets() {}

    /**
     * Returns the mask bit of a trait.
     *
     * @param trait the trait, never {@code null}
     * @return {@code 1 << trait.ordinal()}
     */
    static int bit(CommandTrait trait) {
        return 1 << trait.ordinal();
    }

    /**
     * Returns the unmodifiable set of the traits in a mask, shared between commands.
     *
     * @param mask a combination of {@link #bit}s
     * @return the set, never {@code null}
     */
    static Set<CommandTrait> of(int mask) {
        return BY_MASK != null ? BY_MASK[mask] : Collections.unmodifiableSet(subset(mask));
    }

    @SuppressWarnings("unchecked")
    private static Set<CommandTrait>[] allSubsets() {
        if (ALL.length > MAX_PRECOMPUTED_TRAITS) {
            return null;
        }
        Set<CommandTrait>[] sets = new Set[1 << ALL.length];
        for (int mask = 0; mask < sets.length; mask++) {
            sets[mask] = Collections.unmodifiableSet(subset(mask));
        }
        return sets;
    }

    private static EnumSet<CommandTrait> subset(int mask) {
        EnumSet<CommandTrait> subset = EnumSet.noneOf(CommandTrait.class);
        for (CommandTrait trait : ALL) {
            if ((mask & bit(trait)) != 0) {
                subset.add(trait);
            }
        }
        return subset;
    }
}

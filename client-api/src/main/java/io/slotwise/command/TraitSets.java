package io.slotwise.command;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The unmodifiable trait sets that built commands share: there are only as many distinct sets as subsets of {@link
 * CommandTrait}, so each is made once instead of copied into every command. Thread-safe (immutable after class
 * initialisation).
 */
final class TraitSets {

    /** Beyond this many traits the subsets are not precomputed, and each command gets its own copy. */
    private static final int MAX_PRECOMPUTED_TRAITS = 8;

    /** Index: a bit mask of trait ordinals; {@code null} if there are too many traits to precompute. */
    private static final Set<CommandTrait>[] BY_MASK = allSubsets();

    private static final Set<CommandTrait> NONE = Collections.unmodifiableSet(EnumSet.noneOf(CommandTrait.class));

    private TraitSets() {}

    /**
     * Returns the shared unmodifiable set with the same traits.
     *
     * @param traits the traits, or {@code null} for none; not kept
     * @return an unmodifiable set equal to {@code traits}
     */
    static Set<CommandTrait> of(EnumSet<CommandTrait> traits) {
        if (traits == null || traits.isEmpty()) {
            return NONE;
        }
        if (BY_MASK == null) {
            return Collections.unmodifiableSet(EnumSet.copyOf(traits));
        }
        int mask = 0;
        for (CommandTrait trait : traits) {
            mask |= 1 << trait.ordinal();
        }
        return BY_MASK[mask];
    }

    @SuppressWarnings("unchecked")
    private static Set<CommandTrait>[] allSubsets() {
        CommandTrait[] all = CommandTrait.values();
        if (all.length > MAX_PRECOMPUTED_TRAITS) {
            return null;
        }
        Set<CommandTrait>[] sets = new Set[1 << all.length];
        for (int mask = 0; mask < sets.length; mask++) {
            EnumSet<CommandTrait> subset = EnumSet.noneOf(CommandTrait.class);
            for (CommandTrait trait : all) {
                if ((mask & (1 << trait.ordinal())) != 0) {
                    subset.add(trait);
                }
            }
            sets[mask] = Collections.unmodifiableSet(subset);
        }
        return sets;
    }
}

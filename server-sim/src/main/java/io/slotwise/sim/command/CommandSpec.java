package io.slotwise.sim.command;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulator knows about one Redis command or subcommand: the facts COMMAND INFO reports, and how to find its
 * keys.
 *
 * @param name lower-case name; {@code container|sub} for a subcommand
 * @param arity exact argument count (name included) when positive, the negated minimum when negative
 * @param flags Redis command flags
 * @param firstKey index of the first positional key, 0 if none
 * @param lastKey index of the last positional key, negative to count from the end
 * @param keyStep distance between positional keys
 * @param aclCategories ACL categories without the {@code @}
 * @param keyFinder finds the keys of one invocation
 * @param subcommands subcommands of a container command by lower-case subcommand name; empty otherwise
 */
public record CommandSpec(
        String name,
        int arity,
        Set<CommandFlag> flags,
        int firstKey,
        int lastKey,
        int keyStep,
        List<String> aclCategories,
        KeyFinder keyFinder,
        Map<String, CommandSpec> subcommands) {

    /** Copies the collections so that a spec is immutable. */
    public CommandSpec {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        aclCategories = List.copyOf(aclCategories);
        subcommands = Map.copyOf(subcommands);
    }

    /**
     * Whether an invocation with {@code argc} arguments (name included) satisfies the arity.
     *
     * @param argc the argument count
     * @return true if the count is allowed
     */
    public boolean acceptsArgumentCount(int argc) {
        return arity >= 0 ? argc == arity : argc >= -arity;
    }

    /**
     * Whether the command has this flag.
     *
     * @param flag the flag
     * @return true if set
     */
    public boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }

    /** Whether the command is a container of subcommands (CLUSTER, CLIENT, CONFIG, ...). */
    public boolean isContainer() {
        return !subcommands.isEmpty();
    }

    /**
     * Returns the indexes of the key arguments of one invocation.
     *
     * @param args the whole command, name first, satisfying the arity
     * @return the key indexes, in argument order
     */
    public int[] keyIndexes(List<byte[]> args) {
        return keyFinder.keyIndexes(args);
    }
}

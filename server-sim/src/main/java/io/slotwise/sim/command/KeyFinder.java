package io.slotwise.sim.command;

import java.util.List;

/**
 * Finds the key arguments of one command invocation, the way Redis's command table does: by position for most
 * commands, by parsing the arguments for commands flagged {@code movablekeys}.
 *
 * <p>Implementations are pure and see arguments whose count already satisfies the command's arity.
 */
@FunctionalInterface
public interface KeyFinder {

    /** A finder for commands that take no keys. */
    KeyFinder NONE = args -> new int[0];

    /**
     * Returns the indexes of the key arguments, in argument order.
     *
     * @param args the whole command, name first
     * @return the indexes into {@code args}; empty when the invocation names no key
     */
    int[] keyIndexes(List<byte[]> args);

    /**
     * A finder for keys at fixed positions: {@code first}, {@code first + step}, ... up to {@code last}, where a
     * negative {@code last} counts from the end ({@code -1} is the last argument).
     *
     * @param first index of the first key, at least 1
     * @param last index of the last key, or a negative offset from the end
     * @param step distance between keys, at least 1
     * @return the finder
     */
    static KeyFinder range(int first, int last, int step) {
        if (first <= 0) {
            return NONE;
        }
        return args -> {
            int end = last >= 0 ? last : args.size() + last;
            end = Math.min(end, args.size() - 1);
            if (end < first) {
                return new int[0];
            }
            int[] indexes = new int[(end - first) / step + 1];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = first + i * step;
            }
            return indexes;
        };
    }
}

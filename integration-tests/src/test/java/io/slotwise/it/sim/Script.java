package io.slotwise.it.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * A named list of {@link Step}s run on one fresh connection to each node, after {@code FLUSHALL}. A script must leave
 * the nodes as it found them: empty apart from its keys, owning every slot, {@code cluster_state:ok}.
 *
 * @param name what the script covers, for test names and failure messages
 * @param steps the steps in order
 * @param knownMismatch the simulator bug this script is known to hit, or {@code null}
 */
record Script(String name, List<Step> steps, SimulatorMismatch knownMismatch) {

    /** Copies the steps. */
    Script {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
    }

    /** Starts a script. */
    static Builder named(String name) {
        return new Builder(name);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects the steps of a script; not thread-safe. */
    static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();
        private SimulatorMismatch knownMismatch;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a command compared after the default normalisations. */
        Builder send(Object... args) {
            steps.add(Step.command(Arrays.asList(args), EnumSet.noneOf(Normalisation.class)));
            return this;
        }

        /** Adds a command whose top-level elements are compared as a multiset ({@link Normalisation#UNORDERED}). */
        Builder sendUnordered(Object... args) {
            steps.add(Step.command(Arrays.asList(args), EnumSet.of(Normalisation.UNORDERED)));
            return this;
        }

        /** Adds a command whose field/value pairs are compared as a multiset ({@link Normalisation#UNORDERED_PAIRS}). */
        Builder sendUnorderedPairs(Object... args) {
            steps.add(Step.command(Arrays.asList(args), EnumSet.of(Normalisation.UNORDERED_PAIRS)));
            return this;
        }

        /** Adds a wait until both nodes report {@code cluster_state:<state>}. */
        Builder awaitClusterState(String state) {
            steps.add(new Step.AwaitClusterState(state));
            return this;
        }

        /** Marks the script as hitting a known simulator bug (see {@link SimulatorMismatch#expectStill}). */
        Builder knownMismatch(SimulatorMismatch mismatch) {
            this.knownMismatch = mismatch;
            return this;
        }

        /** Returns the script. */
        Script build() {
            return new Script(name, steps, knownMismatch);
        }
    }
}

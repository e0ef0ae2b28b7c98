package io.slotwise.it.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One step of a differential {@link Script}: a command sent to both nodes, or a wait for a cluster state. */
sealed interface Step {

    /** In a command's arguments, stands for the ID of the node the command is sent to. */
    String MY_ID = "${myid}";

    /**
     * Sends a command to both nodes and compares the normalised replies.
     *
     * @param args the command; {@link #MY_ID} is replaced per node; {@code byte[]} arguments are sent as they are
     * @param options extra normalisations, beyond the ones implied by the command (see {@link #command})
     */
    record Command(List<Object> args, Set<Normalisation> options) implements Step {

        /** Copies the arguments and options. */
        public Command {
            args = List.copyOf(args);
            options = options.isEmpty() ? Set.of() : Set.copyOf(options);
        }

        /** Returns the arguments for the node whose ID is {@code myId}. */
        List<Object> argsFor(String myId) {
            return args.stream()
                    .map(arg -> MY_ID.equals(arg) ? (Object) myId : arg)
                    .toList();
        }

        /** Returns the command as people read it. */
        String describe() {
            return CommandEncoding.describe(args);
        }
    }

    /**
     * Waits until both nodes report {@code cluster_state:<state>} in CLUSTER INFO, so that the next step does not race
     * the nodes' periodic state evaluation. Nothing is compared.
     *
     * @param state {@code ok} or {@code fail}
     */
    record AwaitClusterState(String state) implements Step {}

    /**
     * Returns a command step with the normalisations its command always needs: {@link Normalisation#PORT_INTEGERS} for
     * CLUSTER SLOTS and SHARDS, {@link Normalisation#NODE_TIMES} for CLUSTER NODES, REPLICAS and SLAVES, and
     * {@link Normalisation#CLIENT_ID} for HELLO, {@link Normalisation#COMMAND_STATS} for INFO.
     */
    static Command command(List<Object> args, Set<Normalisation> extra) {
        EnumSet<Normalisation> options = EnumSet.noneOf(Normalisation.class);
        options.addAll(extra);
        String name = word(args, 0);
        String sub = word(args, 1);
        if (name.equals("hello")) {
            options.add(Normalisation.CLIENT_ID);
        }
        if (name.equals("info")) {
            options.add(Normalisation.COMMAND_STATS);
        }
        if (name.equals("cluster") && (sub.equals("slots") || sub.equals("shards"))) {
            options.add(Normalisation.PORT_INTEGERS);
        }
        if (name.equals("cluster") && (sub.equals("nodes") || sub.equals("replicas") || sub.equals("slaves"))) {
            options.add(Normalisation.NODE_TIMES);
        }
        return new Command(args, options);
    }

    private static String word(List<Object> args, int index) {
        return index < args.size() && args.get(index) instanceof String text ? text.toLowerCase(Locale.ROOT) : "";
    }
}

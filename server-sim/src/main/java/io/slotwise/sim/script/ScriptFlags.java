package io.slotwise.sim.script;

import io.slotwise.sim.command.CommandException;
import java.util.Set;

/**
 * The flags a script declares in its {@code #!lua flags=...} shebang or a function in {@code register_function}:
 * {@code no-writes}, {@code allow-oom}, {@code allow-stale}, {@code no-cluster}, {@code allow-cross-slot-keys}. A
 * script without shebang is a legacy script: it may write and touch keys of several slots, as in Redis 7.0.
 *
 * @param legacy whether the script has no shebang
 * @param noWrites the script promises not to write
 * @param noCluster the script refuses to run in cluster mode
 * @param allowCrossSlot the script may touch keys of several slots
 */
record ScriptFlags(boolean legacy, boolean noWrites, boolean noCluster, boolean allowCrossSlot) {
    static final Set<String> KNOWN =
            Set.of("no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys");

    /** The flags of a script without shebang. */
    static final ScriptFlags LEGACY = new ScriptFlags(true, false, false, true);

    /**
     * Builds flags from their names.
     *
     * @param names the flag names
     * @param unknown the error prefix for an unknown name, null to ignore none
     * @return the flags
     */
    static ScriptFlags of(Iterable<String> names, String unknown) {
        boolean noWrites = false;
        boolean noCluster = false;
        boolean crossSlot = false;
        for (String name : names) {
            switch (name) {
                case "no-writes" -> noWrites = true;
                case "no-cluster" -> noCluster = true;
                case "allow-cross-slot-keys" -> crossSlot = true;
                case "allow-oom", "allow-stale" -> {}
                default -> throw new CommandException(unknown + name);
            }
        }
        return new ScriptFlags(false, noWrites, noCluster, crossSlot);
    }

    /**
     * Reads the shebang line of an EVAL script.
     *
     * @param body the script's source
     * @return the flags, {@link #LEGACY} without shebang
     * @throws CommandException with Redis's text for a bad shebang
     */
    static ScriptFlags ofEvalScript(String body) {
        if (!body.startsWith("#!")) {
            return LEGACY;
        }
        int end = body.indexOf('\n');
        String line = end < 0 ? body : body.substring(0, end);
        String[] parts = line.split(" +");
        if (!parts[0].equals("#!lua")) {
            throw new CommandException("ERR Unexpected engine in script shebang: " + parts[0]);
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].startsWith("flags=")) {
                throw new CommandException("ERR Unknown lua shebang option: " + parts[i]);
            }
            String list = parts[i].substring("flags=".length());
            if (!list.isEmpty()) {
                names.addAll(java.util.Arrays.asList(list.split(",")));
            }
        }
        return of(names, "ERR Unexpected flag in script shebang: ");
    }
}
